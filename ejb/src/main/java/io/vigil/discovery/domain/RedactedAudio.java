package io.vigil.discovery.domain;

import io.vigil.redaction.audio.AudioRedactor;
import io.vigil.redaction.audio.TimeRange;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The redacted copy of a call's audio for production: every transcript line whose stored text carries a redaction
 * tag (e.g. {@code [CREDIT_CARD]}) is silenced for the whole line, plus a margin. Whole lines rather than aligned
 * spans because the stored transcript no longer holds the redacted words' positions, and a production must err on
 * the side of removing too much: a missed card number cannot be taken back.
 */
public final class RedactedAudio {

    static final Pattern TAG = Pattern.compile("\\[[A-Z_]{3,}\\]");
    static final long MARGIN_MS = 250;

    private RedactedAudio() {
    }

    public static List<TimeRange> silencedRanges(List<CallMaterial.Line> transcript) {
        return transcript.stream().filter(l -> TAG.matcher(l.text()).find())
                .map(l -> new TimeRange(Math.max(0, l.startMs() - MARGIN_MS), l.endMs() + MARGIN_MS)).toList();
    }

    public static byte[] redact(byte[] wav, List<TimeRange> ranges) {
        return AudioRedactor.silence().redact(wav, ranges);
    }
}
