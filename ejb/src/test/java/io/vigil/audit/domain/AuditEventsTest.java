package io.vigil.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.crypto.audit.AuditEntry;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.review.domain.FlagTransition;
import io.vigil.review.domain.ReviewAction;
import io.vigil.review.domain.ReviewRole;
import io.vigil.review.domain.Reviewer;
import io.vigil.session.domain.FlagState;
import io.vigil.tenancy.TenantId;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventsTest {

    private static final TenantId ACME = TenantId.of("00000000-0000-0000-0000-0000000000a1");
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00.123456789Z");

    @Test
    void signInNamesThePersonByIdAndKeepsTheNameInDetails() {
        AuditEntry entry = AuditEvents.signIn(ACME, "sub-1", "Dana Reyes").from("192.0.2.7").toEntry(5, AT);
        assertEquals(5, entry.seq());
        assertEquals("user:sub-1", entry.actor());
        assertEquals("console.sign-in", entry.action());
        assertEquals(ACME.value(), entry.tenantId());
        assertEquals("192.0.2.7", entry.source());
        assertEquals(AuditOutcome.SUCCESS, entry.outcome());
        assertEquals(Map.of("actor_name", "Dana Reyes"), entry.details());
        assertEquals(Instant.parse("2026-03-01T10:00:00.123456Z"), entry.at(), "kept to the microsecond");
    }

    @Test
    void aCallNotShownIsDeniedAndKeepsTheIdAsAsked() {
        AuditEvent event = AuditEvents.callViewed(ACME, AuditActor.user("s", "n"), "not-a-uuid", false, "api");
        assertEquals(AuditOutcome.DENIED, event.outcome());
        assertEquals("not-a-uuid", event.objectId());
        assertEquals("call_session", event.objectType());
        assertEquals("api", event.details().get("via"));
    }

    @Test
    void anonymousApiRefusalsArePlatformEvents() {
        AuditEntry entry = AuditEvents.apiRefused(null, AuditActor.ANONYMOUS, 401, "GET", "calls/1", "token expired")
                .toEntry(0, AT);
        assertNull(entry.tenantId());
        assertEquals("anonymous", entry.actor());
        assertEquals("GET /api/v1/calls/1", entry.objectId());
        assertEquals(Map.of("reason", "token expired", "status", "401"), entry.details());
        assertEquals(AuditOutcome.DENIED, entry.outcome());
    }

    @Test
    void textFromOutsideIsMadeStorable() {
        String path = "calls/" + "x".repeat(400) + "\u0000\uD800";
        AuditEvent event = AuditEvents.apiRefused(null, AuditActor.ANONYMOUS, 401, "GET", path, "bad\u0000");
        assertEquals(AuditText.MAX, event.objectId().length());
        assertEquals("bad\uFFFD", event.details().get("reason"));
        assertEquals("a\uFFFDb", AuditText.clean("a\uDC00b"));
        assertEquals("\uD83D\uDE00", AuditText.clean("\uD83D\uDE00"), "a surrogate pair is kept");
        assertNull(AuditText.clean(""));
        event.toEntry(1, AT);
    }

    @Test
    void anEventNeedsAnActionAndAnActor() {
        assertThrows(IllegalArgumentException.class, () -> new AuditEvent(null, AuditActor.ANONYMOUS, " ", null, null,
                null, AuditOutcome.SUCCESS, Map.of()));
        assertThrows(NullPointerException.class, () -> new AuditEvent(null, null, "x", null, null, null,
                AuditOutcome.SUCCESS, Map.of()));
    }

    @Test
    void aFlagTransitionBecomesAReviewEntry() throws Exception {
        Constructor<FlagTransition> make = FlagTransition.class.getDeclaredConstructor(UUID.class, UUID.class,
                ReviewAction.class, FlagState.class, FlagState.class, Reviewer.class, Instant.class, String.class, String.class);
        make.setAccessible(true);
        UUID flag = UUID.randomUUID();
        FlagTransition claimed = make.newInstance(ACME.value(), flag, ReviewAction.CLAIM, FlagState.OPEN,
                FlagState.IN_REVIEW, Reviewer.of("u-dana", "Dana Reyes", ReviewRole.COMPLIANCE_OFFICER), AT, null, "mine");
        AuditEntry entry = AuditEvents.flagTransition(claimed).toEntry(9, AT);
        assertEquals("review.claim", entry.action());
        assertEquals("user:u-dana", entry.actor());
        assertEquals("flag", entry.objectType());
        assertEquals(flag.toString(), entry.objectId());
        assertEquals("OPEN", entry.details().get("from"));
        assertEquals("IN_REVIEW", entry.details().get("to"));
        assertTrue(!entry.details().containsKey("note"), "the reviewer's own words stay in the review history");
    }
}
