package io.vigil.review.domain;

import io.vigil.session.domain.SessionEvent;
import io.vigil.session.domain.SessionEventType;
import io.vigil.session.domain.TranscriptSegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the call page's player marks on its timeline, in call time (ms): the redacted stretches of the transcript,
 * the events a reviewer looks for (barge-ins, policy triggers, consent, recording paused for PCI), flags at their
 * evidence time, and annotations over their range. A redaction's range is placed within its transcript line by its
 * position in the text (lines carry no word timings), so it marks roughly where the redacted words were said.
 */
public final class CallTimeline {

    /** What a marker is; the player colours and filters by it. */
    public enum Kind { REDACTION, BARGE_IN, POLICY, CONSENT, PAUSE, TOOL, FLAG, ANNOTATION }

    /** One mark: a moment when {@code startMs == endMs}, else a range; {@code ref} names the flag or annotation. */
    public record Marker(Kind kind, int startMs, int endMs, String label, String ref) {
    }

    private static final Pattern REDACTION_TAG = Pattern.compile("\\[([A-Z][A-Z_]{1,30})]");

    private CallTimeline() {
    }

    public static List<Marker> of(List<TranscriptSegment> transcript, List<SessionEvent> events, List<FlagCase> flags,
                                  List<FailureAnnotation> annotations, long durationMs) {
        List<Marker> markers = new ArrayList<>();
        transcript.forEach(segment -> markers.addAll(redactions(segment)));
        Integer pausedAt = null;
        for (SessionEvent e : events.stream().sorted(Comparator.comparingInt(SessionEvent::atMs)).toList()) {
            SessionEventType type = e.type();
            switch (type) {
                case BARGE_IN -> markers.add(moment(Kind.BARGE_IN, e.atMs(), "Barge-in"));
                case POLICY_TRIGGER -> markers.add(moment(Kind.POLICY, e.atMs(), "Policy trigger"));
                case CONSENT_GIVEN -> markers.add(moment(Kind.CONSENT, e.atMs(), "Consent given"));
                case CONSENT_REFUSED -> markers.add(moment(Kind.CONSENT, e.atMs(), "Consent refused"));
                case TOOL_CALL -> markers.add(moment(Kind.TOOL, e.atMs(), "Tool call"));
                case RECORDING_PAUSED -> pausedAt = pausedAt == null ? e.atMs() : pausedAt;
                case RECORDING_RESUMED -> {
                    if (pausedAt != null) {
                        markers.add(new Marker(Kind.PAUSE, pausedAt, e.atMs(), "Recording paused", null));
                        pausedAt = null;
                    }
                }
                default -> { }
            }
        }
        if (pausedAt != null) {
            markers.add(new Marker(Kind.PAUSE, pausedAt, (int) Math.max(pausedAt, durationMs), "Recording paused", null));
        }
        for (FlagCase f : flags) {
            markers.add(new Marker(Kind.FLAG, f.atMs(), f.atMs(), "Flag: " + f.reason().label(), f.id().toString()));
        }
        for (FailureAnnotation a : annotations) {
            markers.add(new Marker(Kind.ANNOTATION, a.startMs(), a.endMs(), a.category(), a.id().toString()));
        }
        markers.sort(Comparator.comparingInt(Marker::startMs).thenComparing(Marker::kind));
        return markers;
    }

    static List<Marker> redactions(TranscriptSegment segment) {
        String text = segment.text();
        List<Marker> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        int span = Math.max(0, segment.endMs() - segment.startMs());
        Matcher tag = REDACTION_TAG.matcher(text);
        while (tag.find()) {
            int start = segment.startMs() + (int) ((long) span * tag.start() / text.length());
            int end = segment.startMs() + (int) ((long) span * tag.end() / text.length());
            found.add(new Marker(Kind.REDACTION, start, Math.max(start, end),
                    "Redacted " + tag.group(1).toLowerCase(Locale.ROOT).replace('_', ' '), null));
        }
        return found;
    }

    private static Marker moment(Kind kind, int atMs, String label) {
        return new Marker(kind, atMs, atMs, label, null);
    }
}
