package io.vigil.web.console.discovery;

import io.vigil.audit.domain.AuditActor;
import io.vigil.discovery.application.Exports;
import io.vigil.discovery.domain.AudioChoice;
import io.vigil.discovery.domain.CallSelection;
import io.vigil.discovery.domain.ExportContent;
import io.vigil.discovery.domain.ExportRequest;
import io.vigil.discovery.domain.ExportRequestInvalid;
import io.vigil.discovery.domain.ExportState;
import io.vigil.discovery.domain.ExportSummary;
import io.vigil.discovery.domain.NativeFormat;
import io.vigil.discovery.domain.ProductionNumbering;
import io.vigil.retention.LegalHolds;
import io.vigil.retention.domain.LegalHold;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.AgentProfile;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The Exports page (legal): request a production (calls by hold, custodian, dates, agent profile or ids; contents;
 * audio; numbering; encryption for a recipient), follow the tenant's exports with a progress bar, download one's
 * own, and a notice when one of one's exports finishes.
 */
@Named("exportsView")
@ViewScoped
public class ExportsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient Exports exports;

    @EJB
    private transient LegalHolds holds;

    @EJB
    private transient CallCatalog catalog;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    private ExportLazyDataModel model;
    private String matter;
    private String holdId;
    private String custodian;
    private LocalDate from;
    private LocalDate to;
    private String agentProfileId;
    private String callIds;
    private List<String> contents = new ArrayList<>(List.of("TRANSCRIPT", "EVENTS", "ANNOTATIONS", "FLAGS"));
    private String audio = "REDACTED";
    private String format = "WAV";
    private String prefix = "VGL";
    private long start = 1;
    private String confidentiality = "CONFIDENTIAL";
    private String justification;
    private String recipientCertificate;

    public ExportLazyDataModel getModel() {
        if (model == null) {
            model = new ExportLazyDataModel(exports, tenant.id());
        }
        return model;
    }

    public List<LegalHold> getHolds() {
        return holds.page(tenant.id(), 0, 200);
    }

    public List<AgentProfile> getAgentProfiles() {
        return catalog.agentProfiles(tenant.id());
    }

    public void submit() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            List<UUID> ids = new ArrayList<>();
            if (callIds != null) {
                for (String id : callIds.split("[\\s,]+")) {
                    if (!id.isBlank()) {
                        ids.add(uuid("call id", id));
                    }
                }
            }
            Set<ExportContent> chosen = EnumSet.noneOf(ExportContent.class);
            contents.forEach(c -> chosen.add(ExportContent.valueOf(c)));
            ExportRequest request = new ExportRequest(matter, new CallSelection(uuid("hold", holdId), custodian,
                    from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                    to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    uuid("agent profile", agentProfileId), ids), chosen, AudioChoice.valueOf(audio),
                    NativeFormat.valueOf(format),
                    ProductionNumbering.of(prefix, start), confidentiality, justification, recipientCertificate);
            UUID id = exports.request(tenant.id(), tenant.getName(), AuditActor.user(tenant.userId(), user.getName()), request);
            exports.start(tenant.id(), id);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Export requested: "
                    + exports.find(tenant.id(), id).map(ExportSummary::totalCalls).orElse(0)
                    + " calls. It is built in the background; you will see a notice here when it is ready.", null));
        } catch (ExportRequestInvalid e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    /** Shows a notice for each of the user's exports that finished since the last look; polled. */
    public void checkNotices() {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (ExportSummary done : exports.notices(tenant.id(), AuditActor.user(tenant.userId(), "").id())) {
            faces.addMessage(null, done.state() == ExportState.DONE
                    ? new FacesMessage(FacesMessage.SEVERITY_INFO, "Export ready", "Your export for " + done.matter()
                    + " is ready to download (" + done.totalCalls() + " calls).")
                    : new FacesMessage(FacesMessage.SEVERITY_ERROR, "Export failed", "Your export for " + done.matter()
                    + " failed: " + done.error() + ". Request it again, or ask an administrator to look at the log."));
        }
    }

    /** Whether the signed-in person requested {@code export} (only they may download it). */
    public boolean mine(ExportSummary export) {
        return export.requestedBy().equals(AuditActor.user(tenant.userId(), "").id());
    }

    private static UUID uuid(String what, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ExportRequestInvalid("'" + value.strip() + "' is not a " + what + " id (a UUID such as the one in a call's address)");
        }
    }

    public String getMatter() { return matter; }
    public void setMatter(String matter) { this.matter = matter; }
    public String getHoldId() { return holdId; }
    public void setHoldId(String holdId) { this.holdId = holdId; }
    public String getCustodian() { return custodian; }
    public void setCustodian(String custodian) { this.custodian = custodian; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public String getAgentProfileId() { return agentProfileId; }
    public void setAgentProfileId(String agentProfileId) { this.agentProfileId = agentProfileId; }
    public String getCallIds() { return callIds; }
    public void setCallIds(String callIds) { this.callIds = callIds; }
    public List<String> getContents() { return contents; }
    public void setContents(List<String> contents) { this.contents = contents; }
    public String getAudio() { return audio; }
    public void setAudio(String audio) { this.audio = audio; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String getPrefix() { return prefix; }
    public void setPrefix(String prefix) { this.prefix = prefix; }
    public long getStart() { return start; }
    public void setStart(long start) { this.start = start; }
    public String getConfidentiality() { return confidentiality; }
    public void setConfidentiality(String confidentiality) { this.confidentiality = confidentiality; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
    public String getRecipientCertificate() { return recipientCertificate; }
    public void setRecipientCertificate(String recipientCertificate) { this.recipientCertificate = recipientCertificate; }
}
