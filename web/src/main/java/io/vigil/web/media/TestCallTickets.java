package io.vigil.web.media;

import io.vigil.audit.domain.AuditActor;
import io.vigil.session.domain.AgentProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets for the console's test call. The console page (signed in, supervisor or admin, tenant checked)
 * issues one; the browser opens {@code /media/browser?ticket=...} with it within a minute, and it is gone once used.
 * A WebSocket from the page cannot carry the console's OIDC session as a bearer token, and the ticket never grants
 * more than one call of one agent profile of the person's own tenant.
 */
@ApplicationScoped
public class TestCallTickets {

    static final Duration VALID_FOR = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a ticket admits: the call's tenant, profile, the person, the session id the page links to. */
    public record Ticket(UUID tenantId, AgentProfile profile, AuditActor person, UUID sessionId, String callerScript,
                         Instant expiresAt) {
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** Issues a ticket; returns its secret value. */
    public String issue(UUID tenantId, AgentProfile profile, AuditActor person, UUID sessionId, String callerScript) {
        Instant now = clock.instant();
        tickets.values().removeIf(t -> t.expiresAt().isBefore(now)); // a few per minute at most: sweeping here is enough
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tickets.put(value, new Ticket(tenantId, profile, person, sessionId, callerScript, now.plus(VALID_FOR)));
        return value;
    }

    /** The ticket, once: a second use, an unknown or an expired ticket gives nothing. */
    Optional<Ticket> redeem(String value) {
        Ticket t = value == null ? null : tickets.remove(value);
        return t == null || t.expiresAt().isBefore(clock.instant()) ? Optional.empty() : Optional.of(t);
    }
}
