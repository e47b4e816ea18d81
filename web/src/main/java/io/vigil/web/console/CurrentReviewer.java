package io.vigil.web.console;

import io.vigil.review.domain.ReviewRole;
import io.vigil.review.domain.Reviewer;
import io.vigil.tenancy.ConsoleUsers;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The signed-in person as the review services need them: the identity provider's subject as user id (stable
 * across name changes, so "the same person cannot approve their own resolution" holds), the user name, and the
 * review roles their realm roles carry. Colleagues to assign flags to are the tenant's compliance officers who
 * have signed in.
 */
@Named
@RequestScoped
public class CurrentReviewer {

    @Inject
    private SecurityContext security;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    @EJB
    private ConsoleUsers users;

    private Reviewer reviewer;

    /** Who is acting. */
    public Reviewer reviewer() {
        if (reviewer == null) {
            Set<ReviewRole> roles = EnumSet.noneOf(ReviewRole.class);
            for (ReviewRole role : ReviewRole.values()) {
                if (security.isCallerInRole(role.roleName())) {
                    roles.add(role);
                }
            }
            reviewer = new Reviewer(tenant.userId(), user.getName(), roles);
        }
        return reviewer;
    }

    /** The compliance officers a flag can be assigned to, the current reviewer included. */
    public List<Reviewer> colleagues() {
        List<Reviewer> team = new ArrayList<>();
        for (ConsoleUsers.KnownUser known : users.withRole(tenant.id(), ReviewRole.COMPLIANCE_OFFICER.roleName())) {
            Set<ReviewRole> roles = EnumSet.noneOf(ReviewRole.class);
            known.roles().forEach(r -> ReviewRole.fromRoleName(r).ifPresent(roles::add));
            team.add(new Reviewer(known.userId(), known.name(), roles));
        }
        if (reviewer().has(ReviewRole.COMPLIANCE_OFFICER) && !team.contains(reviewer())) {
            team.add(0, reviewer());
        }
        return team;
    }

    public String getName() {
        return reviewer().name();
    }

    public boolean isComplianceOfficer() {
        return reviewer().has(ReviewRole.COMPLIANCE_OFFICER);
    }

    public boolean isSupervisor() {
        return reviewer().has(ReviewRole.SUPERVISOR);
    }
}
