package io.vigil.review.domain;

import static io.vigil.review.domain.ReviewFixtures.DANA;
import static io.vigil.review.domain.ReviewFixtures.PRIYA;
import static io.vigil.review.domain.ReviewFixtures.T0;
import static io.vigil.review.domain.ReviewFixtures.endedCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.session.domain.CallSession;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SupervisorFlagTest {

    private final Instant now = T0.plusSeconds(7200);

    @Test
    void aSupervisorRaisesAFlagAtATimeInTheCall() {
        CallSession call = endedCall();
        UUID id = UUID.randomUUID();
        SupervisorFlag raised = SupervisorFlag.raise(id, call, PRIYA, Severity.HIGH, " agent promised a refund ",
                61_500, now);
        assertEquals(FlagReason.SUPERVISOR_FLAG, raised.flag().reason());
        assertEquals(Severity.HIGH, raised.flag().severity());
        assertEquals("agent promised a refund", raised.flag().evidence());
        assertEquals(61_500, raised.flag().atMs());
        assertEquals(FlagState.OPEN, raised.flag().state());
        assertEquals(now.plus(Severity.HIGH.reviewWithin()), raised.flag().dueAt(), "due time from severity");
        assertEquals(1, call.flagCount(), "counted on the call, so the calls list shows it flagged");

        FlagTransition first = raised.raised();
        assertEquals(ReviewAction.RAISE, first.action());
        assertNull(first.from());
        assertEquals(FlagState.OPEN, first.to());
        assertEquals(id, first.flagId());
        assertEquals("Priya Shah raised a HIGH flag at 1:01", first.summary());
    }

    @Test
    void onlySupervisorsFlagCalls() {
        CallSession call = endedCall();
        NotPermittedException e = assertThrows(NotPermittedException.class,
                () -> SupervisorFlag.raise(UUID.randomUUID(), call, DANA, Severity.LOW, "e", 0, now));
        assertEquals("Dana Reyes cannot flag calls: that needs the supervisor role. Ask an administrator to grant it.",
                e.getMessage());
        assertEquals(0, call.flagCount());
    }

    @Test
    void theFlagPointsInsideTheCallAndSaysWhy() {
        CallSession call = endedCall();
        ReviewInputException after = assertThrows(ReviewInputException.class,
                () -> SupervisorFlag.raise(UUID.randomUUID(), call, PRIYA, Severity.LOW, "e", 95_001, now));
        assertEquals("The range ends at 1:35, after the call ended at 1:35; pick a time within the call.",
                after.getMessage());
        assertThrows(ReviewInputException.class,
                () -> SupervisorFlag.raise(UUID.randomUUID(), call, PRIYA, Severity.LOW, "e", -1, now));
        assertThrows(ReviewInputException.class,
                () -> SupervisorFlag.raise(UUID.randomUUID(), call, PRIYA, Severity.LOW, " ", 10, now));
        assertThrows(ReviewInputException.class,
                () -> SupervisorFlag.raise(UUID.randomUUID(), call, PRIYA, null, "e", 10, now));
        assertThrows(ReviewInputException.class, () -> SupervisorFlag.raise(UUID.randomUUID(), call, PRIYA,
                Severity.LOW, "e".repeat(SupervisorFlag.MAX_EVIDENCE_LENGTH + 1), 10, now));
        assertEquals(0, call.flagCount(), "a refused flag is not counted");
        SupervisorFlag.raise(UUID.randomUUID(), call, PRIYA, Severity.LOW, "at the very end", 95_000, now);
        assertEquals(1, call.flagCount());
    }
}
