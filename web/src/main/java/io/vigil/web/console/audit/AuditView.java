package io.vigil.web.console.audit;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditEvents;
import io.vigil.audit.domain.AuditLogQuery;
import io.vigil.audit.domain.AuditSelfCheck;
import io.vigil.audit.domain.StoredCheckpoint;
import io.vigil.web.console.ConsoleTenant;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The audit page: the tenant's entries in a lazily paged table with filters, the newest signed checkpoint, and
 * "verify now" (consistency of the newest checkpoint with the previous one, inclusion of a sample entry).
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> ACTIONS = List.of(AuditEvents.SIGN_IN, AuditEvents.SIGN_OUT, AuditEvents.CALL_VIEW,
            AuditEvents.REVIEW_PREFIX, AuditEvents.API_ACCESS, AuditEvents.AUDIT_EXPORT);

    @EJB
    private transient AuditTrail trail;

    @Inject
    private ConsoleTenant tenant;

    private List<LocalDate> range;
    private String user;
    private String action;
    private String objectType;
    private String objectId;
    private AuditLazyDataModel entries;
    private StoredCheckpoint checkpoint;
    private String keyId;
    private AuditSelfCheck.Result verification;

    @PostConstruct
    void init() {
        entries = new AuditLazyDataModel(trail, tenant.id(), this::query);
        loadCheckpoint();
    }

    /** The filters as a query; dates are whole UTC days, the end day included. */
    AuditLogQuery query() {
        AuditLogQuery query = AuditLogQuery.firstPage(25).user(user).action(action).object(objectType, objectId);
        if (range != null && !range.isEmpty() && range.get(0) != null) {
            LocalDate from = range.get(0);
            LocalDate to = range.size() > 1 && range.get(1) != null ? range.get(1) : from;
            query = query.between(from.atStartOfDay().toInstant(ZoneOffset.UTC),
                    to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        return query;
    }

    public void verifyNow() {
        loadCheckpoint();
        try {
            verification = trail.verifyLatest(tenant.id()).orElse(null);
            if (verification == null) {
                message(FacesMessage.SEVERITY_WARN, "Nothing to verify yet",
                        "No checkpoint is signed yet; one is signed within a minute of the first entries.");
            } else if (verification.passed()) {
                message(FacesMessage.SEVERITY_INFO, "Verification passed", "The newest checkpoint holds.");
            } else {
                message(FacesMessage.SEVERITY_ERROR, "Verification FAILED",
                        "The stored log does not match its signed checkpoints. Export it and run ./vigil audit verify to find the entries.");
            }
        } catch (EJBException e) {
            message(FacesMessage.SEVERITY_ERROR, "Cannot verify", e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
    }

    private void loadCheckpoint() {
        checkpoint = trail.latestCheckpoint().orElse(null);
        try {
            keyId = trail.key().keyIdHex();
        } catch (EJBException e) {
            keyId = null;
        }
    }

    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }

    public AuditLazyDataModel getEntries() { return entries; }
    public StoredCheckpoint getCheckpoint() { return checkpoint; }
    public String getKeyId() { return keyId; }
    public AuditSelfCheck.Result getVerification() { return verification; }
    public List<String> getActions() { return ACTIONS; }
    public List<LocalDate> getRange() { return range; }
    public void setRange(List<LocalDate> range) { this.range = range; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getObjectType() { return objectType; }
    public void setObjectType(String objectType) { this.objectType = objectType; }
    public String getObjectId() { return objectId; }
    public void setObjectId(String objectId) { this.objectId = objectId; }
}
