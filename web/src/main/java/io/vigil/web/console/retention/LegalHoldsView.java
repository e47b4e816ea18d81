package io.vigil.web.console.retention;

import io.vigil.audit.domain.AuditActor;
import io.vigil.retention.LegalHolds;
import io.vigil.retention.domain.HoldRejected;
import io.vigil.retention.domain.HoldScope;
import io.vigil.retention.domain.LegalHold;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The Legal holds page: legal users create holds for a matter and release them with four eyes (one asks, another
 * approves); compliance officers see them. The hold's scope is evaluated at once and for new calls.
 */
@Named("legalHoldsView")
@ViewScoped
public class LegalHoldsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient LegalHolds holds;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    private HoldLazyDataModel model;
    private LegalHold shown;
    private HeldCallLazyDataModel heldCalls;

    private String matterName;
    private String reference;
    private String description;
    private LocalDate from;
    private LocalDate to;
    private String custodians;
    private String agentProfiles;
    private String callerReferences;
    private String flagReasons;
    private String calls;
    private String releaseReason;

    public HoldLazyDataModel getModel() {
        if (model == null) {
            model = new HoldLazyDataModel(holds, tenant.id());
        }
        return model;
    }

    /** Shows the calls this hold keeps, below the list. */
    public void show(LegalHold hold) {
        shown = holds.find(tenant.id(), hold.id()).orElse(null);
        heldCalls = shown == null ? null : new HeldCallLazyDataModel(holds, tenant.id(), shown);
    }

    public LegalHold getShown() {
        return shown;
    }

    public HeldCallLazyDataModel getHeldCalls() {
        return heldCalls;
    }

    public boolean isLegal() {
        return user.has(Role.LEGAL_NAME);
    }

    public void create() {
        try {
            List<String> hashes = lines(callerReferences).stream().map(r -> holds.callerHash(tenant.id(), r)).toList();
            List<UUID> ids = lines(calls).stream().map(c -> {
                try {
                    return UUID.fromString(c);
                } catch (IllegalArgumentException e) {
                    throw new HoldRejected("'" + c + "' is not a call id: copy it from the call's address (…/call.xhtml?id=…)");
                }
            }).toList();
            HoldScope scope = new HoldScope(lines(custodians), from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                    to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), lines(agentProfiles), hashes,
                    lines(flagReasons), ids);
            UUID id = holds.create(tenant.id(), actor(), matterName, reference, description, scope);
            long held = holds.sessionsUnder(tenant.id(), id).size();
            info("Hold " + reference.strip() + " created: " + held + " call(s) held now; new calls in its scope will be held as they come.");
            matterName = reference = description = custodians = agentProfiles = callerReferences = flagReasons = calls = null;
            from = to = null;
        } catch (HoldRejected e) {
            error(e.getMessage());
        }
    }

    public void requestRelease(LegalHold hold) {
        act(() -> holds.requestRelease(tenant.id(), hold.id(), actor(), releaseReason),
                "Release of " + hold.reference() + " requested; another legal user must approve it.");
        releaseReason = null;
    }

    public void approveRelease(LegalHold hold) {
        act(() -> holds.approveRelease(tenant.id(), hold.id(), actor()),
                "Hold " + hold.reference() + " released; its calls follow the retention policies again.");
    }

    public void withdrawRelease(LegalHold hold) {
        act(() -> holds.withdrawRelease(tenant.id(), hold.id(), actor()), "The release request was withdrawn; the hold is active.");
    }

    public boolean isOwnRequest(LegalHold hold) {
        return actor().id().equals(hold.releaseRequestedBy());
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            info(done);
        } catch (HoldRejected | LegalHolds.HoldNotFound e) {
            error(e.getMessage());
        }
    }

    private AuditActor actor() {
        return AuditActor.user(tenant.userId(), user.getName());
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getMatterName() { return matterName; }
    public void setMatterName(String v) { matterName = v; }
    public String getReference() { return reference; }
    public void setReference(String v) { reference = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate v) { from = v; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate v) { to = v; }
    public String getCustodians() { return custodians; }
    public void setCustodians(String v) { custodians = v; }
    public String getAgentProfiles() { return agentProfiles; }
    public void setAgentProfiles(String v) { agentProfiles = v; }
    public String getCallerReferences() { return callerReferences; }
    public void setCallerReferences(String v) { callerReferences = v; }
    public String getFlagReasons() { return flagReasons; }
    public void setFlagReasons(String v) { flagReasons = v; }
    public String getCalls() { return calls; }
    public void setCalls(String v) { calls = v; }
    public String getReleaseReason() { return releaseReason; }
    public void setReleaseReason(String v) { releaseReason = v; }
}
