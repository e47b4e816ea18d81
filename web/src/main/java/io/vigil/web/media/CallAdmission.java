package io.vigil.web.media;

import io.vigil.audit.domain.AuditActor;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.AgentProfile;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import io.vigil.web.api.security.ApiCaller;
import io.vigil.web.api.security.TokenAuthority;
import io.vigil.web.api.security.TokenRejected;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may open a live call through a media door: a verified access token of an {@code agent-runtime} client (the
 * same checks as the API) and an agent profile of that client's tenant. Twilio cannot send headers, so the token
 * travels in the stream's {@code customParameters}; it is checked here and never stored or logged.
 */
@ApplicationScoped
public class CallAdmission {

    /** An admitted call: the tenant from the token, the profile from the request. */
    record Admitted(UUID tenantId, AgentProfile profile, AuditActor actor) {
    }

    /** Why a call was refused; the message is safe to return to the caller. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    @Inject
    private TokenAuthority tokens;

    @EJB
    private TenantDirectory tenants;

    @EJB
    private CallCatalog catalog;

    Admitted admit(String token, String agentProfile) throws Refused {
        if (token == null || token.isBlank()) {
            throw new Refused("no access token: pass an agent-runtime token as the stream parameter 'token'");
        }
        ApiCaller caller = callerOf(token);
        UUID tenant = tenantOf(caller);
        AuditActor actor = AuditActor.client(caller.clientId());
        UUID profileId = parse(agentProfile);
        // the same answer for another tenant's profile and an unknown one, so ids cannot be probed
        AgentProfile profile = catalog.agentProfiles(new TenantId(tenant)).stream()
                .filter(p -> p.id().equals(profileId)).findFirst()
                .orElseThrow(() -> new Refused("no such agent profile: pass an id from GET /api/v1/agent-profiles"
                        + " as the stream parameter 'agentProfile'"));
        return new Admitted(tenant, profile, actor);
    }

    /**
     * Admission for the Realtime door: the profile is named by {@code agent}, else by {@code model} (an SDK must send
     * one), as an id or a name (its newest version); a tenant with a single agent needs neither.
     */
    Admitted admitRealtime(String token, String agent, String model) throws Refused {
        if (token == null || token.isBlank()) {
            throw new Refused("no access token: send 'Authorization: Bearer <agent-runtime token>'");
        }
        ApiCaller caller = callerOf(token);
        UUID tenant = tenantOf(caller);
        AuditActor actor = AuditActor.client(caller.clientId());
        List<AgentProfile> profiles = catalog.agentProfiles(new TenantId(tenant));
        if (agent != null && !agent.isBlank()) {
            AgentProfile named = byReference(profiles, agent.strip()).orElseThrow(() -> new Refused(
                    "no such agent profile: pass an id or name from GET /api/v1/agent-profiles as 'agent'"));
            return new Admitted(tenant, named, actor);
        }
        Optional<AgentProfile> byModel = model == null ? Optional.empty() : byReference(profiles, model.strip());
        if (byModel.isPresent()) {
            return new Admitted(tenant, byModel.get(), actor);
        }
        if (profiles.stream().map(AgentProfile::name).distinct().count() == 1) {
            return new Admitted(tenant, newest(profiles.stream()).orElseThrow(), actor);
        }
        throw new Refused("name the agent profile: add ?agent=<id or name from GET /api/v1/agent-profiles>, or pass"
                + " it as the model");
    }

    private static Optional<AgentProfile> byReference(List<AgentProfile> profiles, String ref) {
        try {
            UUID id = UUID.fromString(ref);
            return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
        } catch (IllegalArgumentException notAnId) {
            return newest(profiles.stream().filter(p -> p.name().equalsIgnoreCase(ref)));
        }
    }

    private static Optional<AgentProfile> newest(java.util.stream.Stream<AgentProfile> profiles) {
        return profiles.max(Comparator.comparingInt(AgentProfile::version));
    }

    /** Admission of a person's test call from the console: the tenant and profile are already checked. */
    static Admitted forConsole(UUID tenant, AgentProfile profile, AuditActor person) {
        return new Admitted(tenant, profile, person);
    }

    private ApiCaller callerOf(String token) throws Refused {
        ApiCaller caller;
        try {
            caller = tokens.verify(token);
        } catch (TokenRejected e) {
            throw new Refused("token refused: " + e.getMessage());
        }
        if (!caller.has(Role.AGENT_RUNTIME)) {
            throw new Refused("the token's client has no agent-runtime role");
        }
        return caller;
    }

    private UUID tenantOf(ApiCaller caller) throws Refused {
        return tenants.bySlug(caller.tenantSlug()).map(t -> t.id())
                .orElseThrow(() -> new Refused("the token's tenant does not exist here"));
    }

    private static UUID parse(String id) throws Refused {
        try {
            return UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw new Refused("no such agent profile: pass an id from GET /api/v1/agent-profiles as the stream"
                    + " parameter 'agentProfile'");
        }
    }
}
