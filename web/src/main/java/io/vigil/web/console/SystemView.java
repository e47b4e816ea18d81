package io.vigil.web.console;

import io.vigil.platform.HealthCheck;
import io.vigil.platform.HealthReport;
import io.vigil.web.security.OidcSettings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The administrator's system page: versions, database, identity provider. */
@Named
@RequestScoped
public class SystemView {

    @EJB
    private HealthCheck health;

    @Inject
    private OidcSettings oidc;

    private HealthReport report;

    public HealthReport getHealth() {
        if (report == null) {
            report = health.check();
        }
        return report;
    }

    public String getIssuer() {
        return oidc.getIssuer();
    }
}
