package io.vigil.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallSessionTest {

    private static final String HASH = "a".repeat(64);
    private final UUID tenant = UUID.randomUUID();
    private final Instant start = Instant.parse("2026-03-01T10:00:00Z");
    private final AgentProfile agent = new AgentProfile(UUID.randomUUID(), tenant, "Card services", "gpt-realtime",
            HASH, HASH, 1, start);

    private CallSession live() {
        return CallSession.start(UUID.randomUUID(), tenant, agent, Channel.PHONE, HASH, start, "standard");
    }

    @Test
    void startsLiveWithConsentAndDisclosurePending() {
        CallSession s = live();
        assertEquals(SessionStatus.LIVE, s.status());
        assertEquals(ConsentState.PENDING, s.consentState());
        assertEquals(DisclosureState.PENDING, s.disclosureState());
    }

    @Test
    void endingRecordsDurationOnce() {
        CallSession s = live();
        s.end(start.plusSeconds(95), SessionStatus.COMPLETED);
        assertEquals(95_000L, s.durationMs());
        assertThrows(IllegalStateException.class, () -> s.end(start.plusSeconds(100), SessionStatus.COMPLETED));
        assertThrows(IllegalStateException.class, () -> s.consent(true), "an ended call takes no consent");
    }

    @Test
    void cannotEndBeforeStartOrAsLive() {
        assertThrows(IllegalArgumentException.class, () -> live().end(start.minusSeconds(1), SessionStatus.COMPLETED));
        assertThrows(IllegalArgumentException.class, () -> live().end(start.plusSeconds(1), SessionStatus.LIVE));
    }

    @Test
    void consentIsGivenOrRefusedOnlyOnce() {
        CallSession s = live();
        s.consent(false);
        assertEquals(ConsentState.REFUSED, s.consentState());
        assertThrows(IllegalStateException.class, () -> s.consent(true));
    }

    @Test
    void agentOfAnotherTenantIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CallSession.start(UUID.randomUUID(), UUID.randomUUID(),
                agent, Channel.PHONE, HASH, start, "standard"));
    }

    @Test
    void flagDueTimeFollowsSeverityAndCountsOnTheSession() {
        CallSession s = live();
        Instant raised = start.plusSeconds(60);
        Flag critical = Flag.raise(UUID.randomUUID(), s, FlagReason.PROMPT_INJECTION, Severity.CRITICAL, "evidence",
                12_000, raised);
        Flag low = Flag.raise(UUID.randomUUID(), s, FlagReason.ABNORMAL_LATENCY, Severity.LOW, "evidence", 0, raised);
        assertEquals(raised.plusSeconds(4 * 3600), critical.dueAt());
        assertEquals(raised.plusSeconds(7 * 24 * 3600), low.dueAt());
        assertEquals(FlagState.OPEN, critical.state());
        assertEquals(2, s.flagCount());
    }

    @Test
    void agentProfileRequiresHashesAndPositiveVersion() {
        assertThrows(IllegalArgumentException.class,
                () -> new AgentProfile(UUID.randomUUID(), tenant, "x", "m", "not-a-hash", HASH, 1, start));
        assertThrows(IllegalArgumentException.class,
                () -> new AgentProfile(UUID.randomUUID(), tenant, "x", "m", HASH, HASH, 0, start));
        assertEquals("Card services v1", agent.displayName());
    }
}
