package io.vigil.session.pipeline;

import io.vigil.session.domain.Channel;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who and what a live session is: tenant, session id, agent profile, door, a reference to the caller (already a
 * keyed hash: never a phone number) and the door's parameters (Twilio {@code customParameters}; for example
 * {@code consent=given} when an IVR already asked).
 */
public record SessionStart(UUID tenantId, UUID sessionId, String agentProfile, Channel channel,
                           String callerReference, Map<String, String> parameters) {

    public SessionStart {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(channel, "channel");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
