package io.vigil.review.domain;

import static io.vigil.review.domain.ReviewFixtures.DANA;
import static io.vigil.review.domain.ReviewFixtures.PRIYA;
import static io.vigil.review.domain.ReviewFixtures.T0;
import static io.vigil.review.domain.ReviewFixtures.endedCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.session.domain.CallSession;
import io.vigil.session.domain.Severity;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FailureAnnotationTest {

    private final Instant now = T0.plusSeconds(7200);
    private final CallSession call = endedCall();
    private final Reviewer otherSupervisor = Reviewer.of("u-kai", "Kai Lund", ReviewRole.SUPERVISOR);
    private static final FailureCategory LATENCY = new FailureCategory("LATENCY", "Latency", 70, true);
    private static final FailureCategory ASR_ERROR = new FailureCategory("ASR_ERROR", "ASR error", 10, true);
    private static final FailureCategory WRONG_INTENT = new FailureCategory("WRONG_INTENT", "Wrong intent", 20, true);
    private static final FailureCategory POLICY_BREACH = new FailureCategory("POLICY_BREACH", "Policy breach", 30, true);
    private static final FailureCategory MISSED_BARGE_IN = new FailureCategory("MISSED_BARGE_IN", "Missed barge-in", 50, true);
    private static final FailureCategory RETIRED = new FailureCategory("OTHER", "Other", 900, false);

    private FailureAnnotation latency() {
        return FailureAnnotation.mark(UUID.randomUUID(), call, PRIYA, LATENCY, Severity.HIGH, new CallSpan(12_000, 15_500),
                "three seconds of silence", now);
    }

    @Test
    void aSupervisorMarksAFailureOnTheTimeline() {
        FailureAnnotation a = latency();
        assertEquals(call.id(), a.sessionId());
        assertEquals(call.tenantId(), a.tenantId());
        assertEquals("LATENCY", a.category());
        assertEquals(Severity.HIGH, a.severity());
        assertEquals(new CallSpan(12_000, 15_500), a.span());
        assertEquals("three seconds of silence", a.note());
        assertEquals("u-priya", a.authorId());
        assertEquals("Priya Shah", a.authorName());
        assertEquals(now, a.createdAt());
        assertEquals(now, a.updatedAt());
    }

    @Test
    void onlySupervisorsAnnotate() {
        NotPermittedException e = assertThrows(NotPermittedException.class, () -> FailureAnnotation.mark(UUID.randomUUID(),
                call, DANA, ASR_ERROR, Severity.LOW, new CallSpan(0, 10), null, now));
        assertEquals("Dana Reyes cannot annotate calls: that needs the supervisor role. Ask an administrator to grant it.",
                e.getMessage());
    }

    @Test
    void theRangeLiesWithinTheCall() {
        ReviewInputException reversed = assertThrows(ReviewInputException.class, () -> new CallSpan(5_000, 4_000));
        assertEquals("The range ends before it starts; swap the start and end times.", reversed.getMessage());
        assertThrows(ReviewInputException.class, () -> new CallSpan(-1, 4_000));
        ReviewInputException after = assertThrows(ReviewInputException.class, () -> FailureAnnotation.mark(UUID.randomUUID(),
                call, PRIYA, WRONG_INTENT, Severity.LOW, new CallSpan(90_000, 96_000), null, now));
        assertEquals("The range ends at 1:36, after the call ended at 1:35; pick a time within the call.",
                after.getMessage());
        FailureAnnotation moment = FailureAnnotation.mark(UUID.randomUUID(), call, PRIYA, MISSED_BARGE_IN,
                Severity.MEDIUM, new CallSpan(95_000, 95_000), null, now);
        assertNull(moment.note());
    }

    @Test
    void aCategoryAndASeverityAreRequiredAndARetiredCategoryIsNotPickedAnew() {
        ReviewInputException none = assertThrows(ReviewInputException.class, () -> FailureAnnotation.mark(
                UUID.randomUUID(), call, PRIYA, null, Severity.LOW, new CallSpan(0, 10), "n", now));
        assertEquals("Choose what went wrong: a failure category.", none.getMessage());
        ReviewInputException noSeverity = assertThrows(ReviewInputException.class, () -> FailureAnnotation.mark(
                UUID.randomUUID(), call, PRIYA, LATENCY, null, new CallSpan(0, 10), "n", now));
        assertEquals("Choose how bad the failure is: a severity.", noSeverity.getMessage());
        ReviewInputException retired = assertThrows(ReviewInputException.class, () -> FailureAnnotation.mark(
                UUID.randomUUID(), call, PRIYA, RETIRED, Severity.LOW, new CallSpan(0, 10), "n", now));
        assertEquals("The category \"Other\" was retired by an administrator; choose another one.", retired.getMessage());
    }

    @Test
    void anAnnotationKeepsItsRetiredCategoryWhenItsAuthorEditsTheNote() {
        FailureAnnotation a = latency();
        FailureCategory latencyRetired = LATENCY.retired();
        a.revise(PRIYA, call, latencyRetired, Severity.HIGH, a.span(), "four seconds, not three", now.plusSeconds(1));
        assertEquals("LATENCY", a.category());
        assertEquals("four seconds, not three", a.note());
    }

    @Test
    void theAuthorRevisesTheirAnnotation() {
        FailureAnnotation a = latency();
        Instant later = now.plusSeconds(60);
        a.revise(PRIYA, call, POLICY_BREACH, Severity.CRITICAL, new CallSpan(20_000, 30_000), "it read the card back", later);
        assertEquals("POLICY_BREACH", a.category());
        assertEquals(Severity.CRITICAL, a.severity());
        assertEquals(new CallSpan(20_000, 30_000), a.span());
        assertEquals("it read the card back", a.note());
        assertEquals(now, a.createdAt());
        assertEquals(later, a.updatedAt());
    }

    @Test
    void nobodyElseChangesOrRemovesIt() {
        FailureAnnotation a = latency();
        NotPermittedException e = assertThrows(NotPermittedException.class, () -> a.revise(otherSupervisor, call,
                ASR_ERROR, Severity.LOW, new CallSpan(0, 1), "mine now", now));
        assertEquals("Only Priya Shah, who wrote this annotation, can change it. Add your own annotation instead.",
                e.getMessage());
        assertEquals("LATENCY", a.category(), "a refused edit changes nothing");
        assertThrows(NotPermittedException.class, () -> a.requireAuthor(otherSupervisor, "remove"));
        assertTrue(a.writtenBy(PRIYA));
        assertFalse(a.writtenBy(otherSupervisor));
    }

    @Test
    void aRefusedRevisionLeavesTheAnnotationAsItWas() {
        FailureAnnotation a = latency();
        assertThrows(ReviewInputException.class, () -> a.revise(PRIYA, call, LATENCY,
                Severity.HIGH, new CallSpan(0, 200_000), null, now.plusSeconds(5)));
        assertEquals(new CallSpan(12_000, 15_500), a.span());
        assertEquals("three seconds of silence", a.note());
        assertEquals(now, a.updatedAt());
    }
}
