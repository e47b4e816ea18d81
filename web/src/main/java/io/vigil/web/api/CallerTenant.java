package io.vigil.web.api;

import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import io.vigil.web.api.security.ApiCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;

/** The API caller and their tenant, from the verified token: the API's single source of tenant scope. */
@RequestScoped
public class CallerTenant {

    @EJB
    private TenantDirectory directory;

    private ApiCaller caller;

    /** Set once per request by the authentication filter, after the token is verified. */
    public void authenticated(ApiCaller verified) {
        this.caller = verified;
    }

    public ApiCaller caller() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated API caller in this request");
        }
        return caller;
    }

    public TenantId tenant() {
        String slug = caller().tenantSlug();
        return directory.bySlug(slug).map(t -> new TenantId(t.id()))
                .orElseThrow(() -> new ForbiddenException("your tenant '" + slug + "' does not exist here"));
    }
}
