package io.vigil.web.console.retention;

import io.vigil.audit.domain.AuditActor;
import io.vigil.retention.RetentionPolicyBook;
import io.vigil.retention.RetentionSweeps;
import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.PolicyRejected;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.retention.domain.RetentionPolicy;
import io.vigil.retention.domain.SweepMode;
import io.vigil.retention.domain.SweepRun;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The Retention page: the tenant's policies (administrators edit them, every change audited with its old and new
 * value), sweeps with their progress (a dry run by compliance or an administrator, an apply by an administrator),
 * what a dry run would expire, and each sweep's signed certificate for download.
 */
@Named("retentionView")
@ViewScoped
public class RetentionView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient RetentionPolicyBook book;

    @EJB
    private transient RetentionSweeps sweeps;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    private List<RetentionPolicy> policies;
    private SweepLazyDataModel sweepModel;
    private SweepItemLazyDataModel itemModel;
    private UUID selected;

    // the rule form
    private String retentionClass = "standard";
    private DataClass dataClass = DataClass.RAW_CALLER_AUDIO;
    private String jurisdiction = "";
    private int periodDays = 90;
    private RetentionAction action = RetentionAction.CRYPTO_SHRED;

    public List<RetentionPolicy> getPolicies() {
        if (policies == null) {
            policies = book.policies(tenant.id()).all();
        }
        return policies;
    }

    public boolean isEditor() {
        return user.isAdmin();
    }

    public DataClass[] getDataClasses() {
        return DataClass.values();
    }

    public RetentionAction[] getActions() {
        return RetentionAction.values();
    }

    /** Puts a rule into the form, to change it. */
    public void edit(RetentionPolicy rule) {
        retentionClass = rule.retentionClass();
        dataClass = rule.dataClass();
        jurisdiction = rule.isOverride() ? rule.jurisdiction() : "";
        periodDays = rule.periodDays();
        action = rule.action();
    }

    public void save() {
        try {
            RetentionPolicy rule = new RetentionPolicy(retentionClass, dataClass, jurisdiction, periodDays, action);
            book.save(tenant.id(), rule, actor());
            info("Saved: " + rule.dataClass().label() + (rule.isOverride() ? " in " + rule.jurisdiction() : "") + ", "
                    + rule.periodDays() + " days, then " + rule.action().label().toLowerCase() + ". Due dates follow at once.");
            policies = null;
        } catch (PolicyRejected e) {
            error(e.getMessage());
        }
    }

    public void removeOverride(RetentionPolicy rule) {
        try {
            book.removeOverride(tenant.id(), rule.retentionClass(), rule.dataClass(), rule.jurisdiction(), actor());
            info("The " + rule.jurisdiction() + " override of " + rule.dataClass().label() + " was removed.");
            policies = null;
        } catch (PolicyRejected e) {
            error(e.getMessage());
        }
    }

    public boolean isMaySweep() {
        return user.isAdmin() || user.has(Role.COMPLIANCE_OFFICER_NAME);
    }

    public void dryRun() {
        start(SweepMode.DRY_RUN);
    }

    public void apply() {
        if (!user.isAdmin()) {
            error("Only administrators apply a sweep; run a dry run to see what would go.");
            return;
        }
        start(SweepMode.APPLY);
    }

    private void start(SweepMode mode) {
        try {
            selected = sweeps.start(tenant.id(), mode, null, actor());
            itemModel = null;
            info((mode == SweepMode.APPLY ? "The sweep" : "The dry run") + " started; its progress shows below.");
        } catch (PolicyRejected e) {
            error(e.getMessage());
        } catch (EJBException e) {
            error("The sweep could not start: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
        }
    }

    public SweepLazyDataModel getSweepModel() {
        if (sweepModel == null) {
            sweepModel = new SweepLazyDataModel(sweeps, tenant.id());
        }
        return sweepModel;
    }

    public boolean isRunning() {
        return sweeps.page(tenant.id(), 0, 5).stream().anyMatch(SweepRun::running);
    }

    public void select(SweepRun run) {
        selected = run.id();
        itemModel = null;
    }

    public SweepRun getSelectedRun() {
        return selected == null ? null : sweeps.find(tenant.id(), selected).orElse(null);
    }

    public SweepItemLazyDataModel getItemModel() {
        if (itemModel == null && selected != null) {
            itemModel = new SweepItemLazyDataModel(sweeps, tenant.id(), selected);
        }
        return itemModel;
    }

    public StreamedContent certificate(SweepRun run) {
        return sweeps.certificate(tenant.id(), run.id()).map(c -> {
            String json = "{\"certificate\":" + jakarta.json.Json.createValue(c.certificate()) + ",\"signature\":\""
                    + Base64.getEncoder().encodeToString(c.signature()) + "\",\"algorithm\":\"SHA256withECDSA\",\"signingKey\":"
                    + jakarta.json.Json.createValue(c.signingKey()) + ",\"publicKey\":"
                    + jakarta.json.Json.createValue(c.publicKeyPem() == null ? "" : c.publicKeyPem()) + "}";
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            return (StreamedContent) DefaultStreamedContent.builder().name("retention-certificate-" + run.id() + ".json")
                    .contentType("application/json").contentLength((long) bytes.length)
                    .stream(() -> new ByteArrayInputStream(bytes)).build();
        }).orElse(null);
    }

    private AuditActor actor() {
        return AuditActor.user(tenant.userId(), user.getName());
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getRetentionClass() { return retentionClass; }
    public void setRetentionClass(String v) { retentionClass = v; }
    public DataClass getDataClass() { return dataClass; }
    public void setDataClass(DataClass v) { dataClass = v; }
    public String getJurisdiction() { return jurisdiction; }
    public void setJurisdiction(String v) { jurisdiction = v; }
    public int getPeriodDays() { return periodDays; }
    public void setPeriodDays(int v) { periodDays = v; }
    public RetentionAction getAction() { return action; }
    public void setAction(RetentionAction v) { action = v; }
}
