package io.vigil.web.console;

import io.vigil.review.domain.ReviewRole;
import io.vigil.review.domain.Reviewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * The person acting in review for this request, as the review services need it.
 *
 * <p><b>Interim, until identity lands:</b> this returns a fixed demo reviewer (a compliance officer who is also a
 * supervisor, so every review page can be tried) and a fixed demo team to assign flags to. Identity (Keycloak) will
 * replace both: {@link #reviewer()} becomes the signed-in user (the token's subject as user id, the preferred user
 * name as display name, realm roles mapped with {@link ReviewRole#fromRoleName}), and {@link #colleagues()} the
 * realm's users with the compliance-officer role. The review pages and services already take the reviewer only
 * from here, so nothing else changes then.
 */
@Named
@RequestScoped
public class CurrentReviewer {

    static final Reviewer DEMO_REVIEWER = Reviewer.of("demo-dana", "Dana Reyes (demo)",
            ReviewRole.COMPLIANCE_OFFICER, ReviewRole.SUPERVISOR);

    static final List<Reviewer> DEMO_TEAM = List.of(DEMO_REVIEWER,
            Reviewer.of("demo-sam", "Sam Okafor (demo)", ReviewRole.COMPLIANCE_OFFICER),
            Reviewer.of("demo-alex", "Alex Kim (demo)", ReviewRole.COMPLIANCE_OFFICER));

    /** Who is acting. */
    public Reviewer reviewer() {
        return DEMO_REVIEWER;
    }

    /** The compliance officers a flag can be assigned to, the current reviewer included. */
    public List<Reviewer> colleagues() {
        return DEMO_TEAM;
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
