package io.vigil.retention.domain;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LegalHoldTest {

    private static LegalHold hold(HoldState state, String requestedBy) {
        return new LegalHold(UUID.randomUUID(), UUID.randomUUID(), "Smith v. Acme", "2026-CV-0042", null,
                HoldScope.calls(List.of(UUID.randomUUID())), state, "user:a", "Ann", Instant.now(), requestedBy,
                requestedBy, null, "settled", null, null, null, 1);
    }

    @Test
    void theOneWhoAskedCannotApprove() {
        LegalHold requested = hold(HoldState.RELEASE_REQUESTED, "user:a");
        HoldRejected refused = assertThrows(HoldRejected.class, () -> requested.checkReleaseApproval("user:a"));
        assertTrue(refused.getMessage().contains("another legal user"));
        requested.checkReleaseApproval("user:b");
    }

    @Test
    void approvalNeedsARequestAndARequestNeedsAReason() {
        assertThrows(HoldRejected.class, () -> hold(HoldState.ACTIVE, null).checkReleaseApproval("user:b"));
        assertThrows(HoldRejected.class, () -> hold(HoldState.ACTIVE, null).checkReleaseRequest("user:a", "done"));
        assertThrows(HoldRejected.class, () -> hold(HoldState.RELEASED, "user:a").checkReleaseRequest("user:a",
                "the matter settled on 1 May"));
        hold(HoldState.ACTIVE, null).checkReleaseRequest("user:a", "the matter settled on 1 May");
    }

    @Test
    void aScopeNeedsACriterion() {
        assertThrows(HoldRejected.class, () -> new HoldScope(List.of(" "), null, null, null, null, null, null));
        assertThrows(HoldRejected.class, () -> new HoldScope(null, Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), null, null, null, null));
        assertThrows(HoldRejected.class, () -> new HoldScope(null, null, null, null, List.of("+15551234"), null, null));
        HoldScope scope = new HoldScope(List.of("alice"), null, null, null, null, List.of("pii_leak"), null);
        assertTrue(scope.describe().contains("PII_LEAK"), scope.describe());
    }
}
