package io.vigil.web.api.audit;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvents;
import io.vigil.tenancy.Tenant;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.web.api.CallerTenant;
import io.vigil.web.api.security.ApiCaller;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;

/** What the API records in the audit log: calls read, and requests refused with 401 or 403. */
@RequestScoped
public class ApiAudit {

    @EJB
    private AuditTrail trail;

    @EJB
    private TenantDirectory tenants;

    @Inject
    private CallerTenant callerTenant;

    /** The actor of a verified token: a person by subject and name, an agent runtime by its client. */
    public static AuditActor actor(ApiCaller caller) {
        return caller.has(Role.AGENT_RUNTIME) ? AuditActor.client(caller.clientId())
                : AuditActor.user(caller.subject(), caller.name());
    }

    /** The current caller opened a call; an unknown or foreign id is recorded as denied. */
    public void callViewed(String callId, boolean shown) {
        var event = AuditEvents.callViewed(callerTenant.tenant(), actor(callerTenant.caller()), callId, shown, "api");
        if (shown) {
            trail.record(event);
        } else {
            trail.recordFailure(event);
        }
    }

    /** A refused request: {@code caller} is null when no valid token came (401). */
    public void refused(ContainerRequestContext request, ApiCaller caller, int status, String reason) {
        UUID tenant = caller == null ? null : tenants.bySlug(caller.tenantSlug()).map(Tenant::id).orElse(null);
        trail.recordFailure(AuditEvents.apiRefused(tenant, caller == null ? AuditActor.ANONYMOUS : actor(caller), status,
                request.getMethod(), request.getUriInfo().getPath(), reason));
    }
}
