package io.vigil.web.console.review;

import io.vigil.audit.domain.AuditActor;
import io.vigil.review.application.AnnotationExports;
import io.vigil.review.application.ReviewDashboard;
import io.vigil.review.domain.AgentVersionLatency;
import io.vigil.review.domain.AnnotationExportFormat;
import io.vigil.review.domain.AnnotationExportQuery;
import io.vigil.review.domain.CountSeries;
import io.vigil.review.domain.ExportedAnnotation;
import io.vigil.review.domain.ReviewInputException;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.AgentProfile;
import io.vigil.web.api.review.AnnotationsExportResource;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import io.vigil.web.security.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The review dashboards (dashboards.xhtml): flags by reason and by agent over time, open flags by age, response
 * latency and barge-ins per agent version, annotation categories per agent version; and the annotation export.
 * Every figure is one aggregate query ({@link ReviewDashboard}); the window is the last 7, 30 or 90 days.
 */
@Named("dashboards")
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient ReviewDashboard dashboard;

    @EJB
    private transient AnnotationExports exports;

    @EJB
    private transient CallCatalog catalog;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    private int days = 30;
    private String flagsByReason;
    private String flagsByAgent;
    private String openByAge;
    private String latency;
    private String annotationCategories;
    private List<AgentVersionLatency> latencyRows = List.of();
    private long openFlags;
    private List<String> agentNames = List.of();

    // the export form
    private String exportAgent;
    private LocalDate exportFrom = LocalDate.now(ZoneOffset.UTC).minusDays(29);
    private LocalDate exportTo = LocalDate.now(ZoneOffset.UTC);
    private String exportFormat = "csv";

    @PostConstruct
    void init() {
        agentNames = catalog.agentProfiles(tenant.id()).stream().map(AgentProfile::name).distinct().toList();
        refresh();
    }

    public void refresh() {
        Instant now = Instant.now();
        CountSeries open = dashboard.openFlagsByAge(tenant.id(), now);
        openFlags = open.series().stream().flatMap(s -> s.values().stream()).mapToLong(Long::longValue).sum();
        flagsByReason = ChartConfigs.stackedBars(dashboard.flagsByReason(tenant.id(), days, now), "flags raised");
        flagsByAgent = ChartConfigs.stackedBars(dashboard.flagsByAgent(tenant.id(), days, now), "flags raised");
        openByAge = ChartConfigs.stackedBars(open, "open flags");
        latencyRows = dashboard.latencyByAgentVersion(tenant.id(), days, now);
        latency = ChartConfigs.latency(latencyRows);
        annotationCategories = ChartConfigs.stackedBars(
                dashboard.annotationCategoriesByAgentVersion(tenant.id(), days, now), "annotations");
    }

    /** The export file, audited; null (and a message) when the form is refused. */
    public StreamedContent getExport() {
        AuditActor actor = AuditActor.user(tenant.userId(), user.getName());
        if (!isExporter()) {
            ReviewMessages.warn("Exports are for supervisors and compliance officers.");
            return null;
        }
        try {
            AnnotationExportFormat format = AnnotationExportFormat.parse(exportFormat);
            AnnotationExportQuery query = new AnnotationExportQuery(exportAgent, exportFrom, exportTo);
            List<ExportedAnnotation> rows = exports.export(tenant.id(), actor, query, format);
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            format.write(rows, file);
            byte[] bytes = file.toByteArray();
            return DefaultStreamedContent.builder().name(AnnotationsExportResource.fileName(query, format))
                    .contentType(format.mediaType()).contentLength((long) bytes.length)
                    .stream(() -> new ByteArrayInputStream(bytes)).build();
        } catch (ReviewInputException e) {
            exports.refused(tenant.id(), actor, e.getMessage());
            ReviewMessages.warn(e.getMessage());
            return null;
        }
    }

    public boolean isExporter() {
        return user.has(Role.SUPERVISOR_NAME) || user.has(Role.COMPLIANCE_OFFICER_NAME);
    }

    public int getDays() { return days; }
    public void setDays(int days) { this.days = days == 7 || days == 90 ? days : 30; }
    public String getFlagsByReason() { return flagsByReason; }
    public String getFlagsByAgent() { return flagsByAgent; }
    public String getOpenByAge() { return openByAge; }
    public String getLatency() { return latency; }
    public String getAnnotationCategories() { return annotationCategories; }
    public List<AgentVersionLatency> getLatencyRows() { return latencyRows; }
    public long getOpenFlags() { return openFlags; }
    public List<String> getAgentNames() { return agentNames; }
    public String getExportAgent() { return exportAgent; }
    public void setExportAgent(String exportAgent) { this.exportAgent = exportAgent; }
    public LocalDate getExportFrom() { return exportFrom; }
    public void setExportFrom(LocalDate exportFrom) { this.exportFrom = exportFrom; }
    public LocalDate getExportTo() { return exportTo; }
    public void setExportTo(LocalDate exportTo) { this.exportTo = exportTo; }
    public String getExportFormat() { return exportFormat; }
    public void setExportFormat(String exportFormat) { this.exportFormat = exportFormat; }
}
