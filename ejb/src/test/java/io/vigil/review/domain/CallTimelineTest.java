package io.vigil.review.domain;

import static io.vigil.review.domain.ReviewFixtures.PRIYA;
import static io.vigil.review.domain.ReviewFixtures.T0;
import static io.vigil.review.domain.ReviewFixtures.TENANT;
import static io.vigil.review.domain.ReviewFixtures.endedCall;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.review.domain.CallTimeline.Kind;
import io.vigil.review.domain.CallTimeline.Marker;
import io.vigil.session.domain.CallSession;
import io.vigil.session.domain.Flag;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.SessionEvent;
import io.vigil.session.domain.SessionEventType;
import io.vigil.session.domain.Severity;
import io.vigil.session.domain.Speaker;
import io.vigil.session.domain.TranscriptSegment;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallTimelineTest {

    private final CallSession call = endedCall();

    private SessionEvent event(SessionEventType type, int atMs) {
        return new SessionEvent(TENANT, call.id(), type, atMs, "{}");
    }

    @Test
    void aRedactionIsMarkedWhereItsTagSitsInTheLine() {
        // 40 characters over 4 s: the tag at characters 20-33 is said at 12.0-13.3 s
        TranscriptSegment line = new TranscriptSegment(TENANT, call.id(), 3, Speaker.CALLER, 10_000, 14_000,
                "my card number is:  [CREDIT_CARD] thanks");
        assertEquals(40, line.text().length());
        List<Marker> marks = CallTimeline.redactions(line);
        assertEquals(List.of(new Marker(Kind.REDACTION, 12_000, 13_300, "Redacted credit card", null)), marks);
    }

    @Test
    void eventsFlagsAndAnnotationsBecomeMarkersInTimeOrder() {
        Flag flag = Flag.raise(UUID.randomUUID(), call, FlagReason.PROMPT_INJECTION, Severity.HIGH, "evidence", 42_000,
                T0.plusSeconds(100));
        FailureAnnotation note = FailureAnnotation.mark(UUID.randomUUID(), call, PRIYA,
                new FailureCategory("LATENCY", "Latency", 70, true), Severity.LOW, new CallSpan(50_000, 55_000), null,
                T0.plusSeconds(200));
        List<Marker> marks = CallTimeline.of(List.of(), List.of(
                event(SessionEventType.RECORDING_PAUSED, 30_000), event(SessionEventType.BARGE_IN, 20_000),
                event(SessionEventType.RESPONSE_DONE, 21_000), event(SessionEventType.RECORDING_RESUMED, 38_000),
                event(SessionEventType.CONSENT_GIVEN, 4_000), event(SessionEventType.POLICY_TRIGGER, 60_000),
                event(SessionEventType.RECORDING_PAUSED, 90_000)), List.of(FlagCase.of(flag)), List.of(note), 95_000);
        assertEquals(List.of(
                new Marker(Kind.CONSENT, 4_000, 4_000, "Consent given", null),
                new Marker(Kind.BARGE_IN, 20_000, 20_000, "Barge-in", null),
                new Marker(Kind.PAUSE, 30_000, 38_000, "Recording paused", null),
                new Marker(Kind.FLAG, 42_000, 42_000, "Flag: " + FlagReason.PROMPT_INJECTION.label(), flag.id().toString()),
                new Marker(Kind.ANNOTATION, 50_000, 55_000, "LATENCY", note.id().toString()),
                new Marker(Kind.POLICY, 60_000, 60_000, "Policy trigger", null),
                new Marker(Kind.PAUSE, 90_000, 95_000, "Recording paused", null)), marks);
    }
}
