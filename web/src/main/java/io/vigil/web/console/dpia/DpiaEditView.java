package io.vigil.web.console.dpia;

import io.vigil.dpia.application.DpiaRegister;
import io.vigil.dpia.application.DpiaReports;
import io.vigil.dpia.application.LiveConfiguration;
import io.vigil.dpia.domain.ConfigurationFact;
import io.vigil.dpia.domain.Dpia;
import io.vigil.dpia.domain.DpiaContent;
import io.vigil.dpia.domain.DpiaRisk;
import io.vigil.dpia.domain.DpiaState;
import io.vigil.dpia.domain.FactChange;
import io.vigil.dpia.domain.RiskMap;
import io.vigil.web.console.ConsoleTenant;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The DPIA page: the four parts of the CNIL method as tabs (editable while the version is a draft, read-only
 * otherwise), the risk map, the workflow buttons the person's role allows, the facts the assessment relied on and
 * what drifted since, and the PDF. An unknown or another tenant's id answers 404.
 */
@Named("dpiaEditView")
@ViewScoped
public class DpiaEditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient DpiaRegister register;

    @EJB
    private transient DpiaReports reports;

    @EJB
    private transient LiveConfiguration live;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private transient CurrentDpiaActor actor;

    private String id;
    private Dpia dpia;
    private String title;
    private DpiaContent content;
    private String decisionNote;
    private List<FactChange> drift;

    public void load() {
        Optional<UUID> parsed;
        try {
            parsed = id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            parsed = Optional.empty();
        }
        Optional<Dpia> found = parsed.flatMap(u -> register.find(tenant.id(), u));
        if (found.isEmpty()) {
            FacesContext context = FacesContext.getCurrentInstance();
            try {
                context.getExternalContext().responseSendError(404, "No such DPIA");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.responseComplete();
            return;
        }
        register.checkDrift(tenant.id());
        show(found.get());
    }

    private void show(Dpia d) {
        dpia = d;
        title = d.title();
        content = d.content();
        drift = register.drift(tenant.id(), d.id());
    }

    public boolean isEditable() {
        return dpia.state() == DpiaState.DRAFT && actor.isEditor();
    }

    public boolean isDecidable() {
        return dpia.state() == DpiaState.IN_REVIEW && actor.isComplianceOfficer();
    }

    public boolean isRevisable() {
        return dpia.state().decided() && actor.isEditor();
    }

    public void save() {
        Dpia saved = DpiaMessages.attempt(() -> register.save(tenant.id(), actor.actor(), dpia.id(), title, content));
        if (saved != null) {
            show(saved);
            DpiaMessages.info("Saved.");
        }
    }

    public void submit() {
        Dpia saved = DpiaMessages.attempt(() -> {
            register.save(tenant.id(), actor.actor(), dpia.id(), title, content);
            return register.submit(tenant.id(), actor.actor(), dpia.id());
        });
        if (saved != null) {
            show(saved);
            DpiaMessages.info("Submitted for review. Another compliance officer approves or refuses it.");
        }
    }

    public void approve() {
        Dpia saved = DpiaMessages.attempt(() -> register.approve(tenant.id(), actor.actor(), dpia.id(), decisionNote));
        if (saved != null) {
            show(saved);
            DpiaMessages.info("Approved. The configuration it relies on is kept; changes to it will show here.");
        }
    }

    public void refuse() {
        Dpia saved = DpiaMessages.attempt(() -> register.refuse(tenant.id(), actor.actor(), dpia.id(), decisionNote));
        if (saved != null) {
            show(saved);
            DpiaMessages.info("Refused. Start a new version to address the reason.");
        }
    }

    public String newVersion() {
        Dpia next = DpiaMessages.attempt(() -> register.newVersion(tenant.id(), actor.actor(), dpia.id()));
        return next == null ? null : "/dpia/edit?faces-redirect=true&id=" + next.id();
    }

    public StreamedContent getPdf() {
        byte[] pdf = reports.dpia(tenant.id(), actor.actor(), dpia.id());
        return DefaultStreamedContent.builder().name("dpia-" + dpia.seriesId() + "-v" + dpia.version() + ".pdf")
                .contentType("application/pdf").contentLength((long) pdf.length)
                .stream(() -> new ByteArrayInputStream(pdf)).build();
    }

    /** The facts the approval kept, or the live ones for a version not yet approved. */
    public List<ConfigurationFact> getFacts() {
        return dpia.reliedFacts().orElseGet(() -> live.snapshot(tenant.id()).facts()).all();
    }

    public String getRiskMapJson() {
        return RiskMap.chartJson(content);
    }

    public List<Dpia> getVersions() {
        return register.versions(tenant.id(), dpia.seriesId());
    }

    public String scale(int level) {
        return level + " - " + DpiaRisk.scaleLabel(level);
    }

    public int[] getLevels() {
        return new int[] {0, 1, 2, 3, 4};
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Dpia getDpia() { return dpia; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public DpiaContent getContent() { return content; }
    public String getDecisionNote() { return decisionNote; }
    public void setDecisionNote(String decisionNote) { this.decisionNote = decisionNote; }
    public List<FactChange> getDrift() { return drift; }
}
