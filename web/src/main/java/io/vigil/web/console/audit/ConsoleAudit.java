package io.vigil.web.console.audit;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvents;
import io.vigil.tenancy.TenantId;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.NoTenantException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** What the console's pages record in the audit log, with the signed-in person as the actor. */
@ApplicationScoped
public class ConsoleAudit {

    @EJB
    private AuditTrail trail;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private SecurityContext security;

    /** A call page was opened; an unknown or foreign id is recorded as denied. */
    public void callViewed(String callId, boolean shown) {
        AuditActor actor = AuditActor.user(tenant.userId(), name(security.getCallerPrincipal()));
        if (shown) {
            trail.record(AuditEvents.callViewed(tenant.id(), actor, callId, true, "console"));
        } else {
            trail.recordFailure(AuditEvents.callViewed(tenant.id(), actor, callId, false, "console"));
        }
    }

    /** Sign-out, recorded before the session ends (while the person is still known). */
    public void signedOut(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return;
        }
        TenantId id;
        String userId;
        try {
            id = tenant.id();
            userId = tenant.userId();
        } catch (NoTenantException e) {
            id = null;
            userId = principal.getName();
        }
        trail.record(AuditEvents.signOut(id, userId, principal.getName()));
    }

    private static String name(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
