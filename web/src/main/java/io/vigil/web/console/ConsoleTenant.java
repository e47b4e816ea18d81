package io.vigil.web.console;

import io.vigil.tenancy.Tenant;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The tenant the console user is working in, for the whole sign-in session. The console's pages get the tenant
 * only from here, so that tenant scoping has a single source in the web tier.
 */
@Named
@SessionScoped
public class ConsoleTenant implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient TenantDirectory directory;

    private String slug;
    private TenantId id;

    public List<Tenant> getTenants() {
        return directory.all();
    }

    public String getSlug() {
        if (slug == null) {
            getTenants().stream().findFirst().ifPresent(this::select);
        }
        return slug;
    }

    public void setSlug(String newSlug) {
        directory.bySlug(newSlug).ifPresent(this::select);
    }

    /** The current tenant; fails when the database has no tenant at all, which the error page explains. */
    public TenantId id() {
        if (id == null) {
            getSlug();
        }
        if (id == null) {
            throw new IllegalStateException("no tenant is configured");
        }
        return id;
    }

    /** After a switch, start again from the calls list: a call page of the old tenant would be a 404. */
    public void switched() {
        try {
            FacesContext context = FacesContext.getCurrentInstance();
            context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath() + "/calls.xhtml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void select(Tenant tenant) {
        slug = tenant.slug();
        id = new TenantId(tenant.id());
    }
}
