package io.vigil.web.console.dpia;

import io.vigil.dpia.domain.DpiaActor;
import io.vigil.dpia.domain.DpiaRole;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.EnumSet;
import java.util.Set;

/** The signed-in person as the DPIA services need them: subject, user name, and the roles that matter there. */
@Named("dpiaActor")
@RequestScoped
public class CurrentDpiaActor {

    @Inject
    private SecurityContext security;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    private DpiaActor actor;

    public DpiaActor actor() {
        if (actor == null) {
            Set<DpiaRole> roles = EnumSet.noneOf(DpiaRole.class);
            for (DpiaRole role : DpiaRole.values()) {
                if (security.isCallerInRole(role.roleName())) {
                    roles.add(role);
                }
            }
            actor = new DpiaActor(tenant.userId(), user.getName(), roles);
        }
        return actor;
    }

    public boolean isEditor() {
        return actor().canEdit();
    }

    public boolean isComplianceOfficer() {
        return actor().has(DpiaRole.COMPLIANCE_OFFICER);
    }
}
