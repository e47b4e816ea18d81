package io.vigil.web.console.admin;

import io.vigil.audit.domain.AuditActor;
import io.vigil.review.application.FailureTaxonomy;
import io.vigil.review.domain.FailureCategory;
import io.vigil.review.domain.ReviewException;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The failure taxonomy page (admin/failure-categories.xhtml, administrators only by web.xml): list and change it. */
@Named("failureCategories")
@ViewScoped
public class FailureCategoriesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient FailureTaxonomy taxonomy;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    private List<FailureCategory> categories = List.of();
    private final Map<String, String> labels = new HashMap<>();
    private String newLabel;

    @PostConstruct
    void load() {
        categories = taxonomy.all(tenant.id());
        labels.clear();
        categories.forEach(c -> labels.put(c.code(), c.label()));
    }

    public void add() {
        if (attempt(() -> taxonomy.add(tenant.id(), admin(), newLabel), "Added; supervisors can pick it now.")) {
            newLabel = null;
        }
    }

    public void relabel(String code) {
        attempt(() -> taxonomy.relabel(tenant.id(), admin(), code, labels.get(code)), "Renamed.");
    }

    public void retire(String code) {
        attempt(() -> taxonomy.retire(tenant.id(), admin(), code), "Retired: no longer offered to supervisors.");
    }

    public void restore(String code) {
        attempt(() -> taxonomy.restore(tenant.id(), admin(), code), "Offered again.");
    }

    public void move(String code, boolean up) {
        attempt(() -> {
            taxonomy.move(tenant.id(), admin(), code, up);
            return Boolean.TRUE;
        }, null);
    }

    private boolean attempt(java.util.function.Supplier<?> change, String done) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            change.get();
            if (done != null) {
                context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
            }
            return true;
        } catch (ReviewException e) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, e.getMessage(), null));
            return false;
        } finally {
            load();
        }
    }

    private AuditActor admin() {
        return AuditActor.user(tenant.userId(), user.getName());
    }

    public List<FailureCategory> getCategories() { return categories; }
    public Map<String, String> getLabels() { return labels; }
    public String getNewLabel() { return newLabel; }
    public void setNewLabel(String newLabel) { this.newLabel = newLabel; }
}
