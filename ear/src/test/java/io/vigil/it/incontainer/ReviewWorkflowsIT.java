package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvents;
import io.vigil.recording.RecordingInfo;
import io.vigil.recording.RecordingLibrary;
import io.vigil.recording.RecordingWaveforms;
import io.vigil.recording.Waveform;
import io.vigil.review.application.AnnotationExports;
import io.vigil.review.application.FailureAnnotations;
import io.vigil.review.application.FailureTaxonomy;
import io.vigil.review.application.ReviewDashboard;
import io.vigil.review.domain.AgentVersionLatency;
import io.vigil.review.domain.AnnotationExportFormat;
import io.vigil.review.domain.AnnotationExportQuery;
import io.vigil.review.domain.CountSeries;
import io.vigil.review.domain.ExportedAnnotation;
import io.vigil.review.domain.FailureAnnotation;
import io.vigil.review.domain.FailureCategory;
import io.vigil.review.domain.ReviewInputException;
import io.vigil.review.domain.ReviewRole;
import io.vigil.review.domain.Reviewer;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.CallQuery;
import io.vigil.session.domain.CallSummary;
import io.vigil.session.domain.Severity;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Review workflows inside Payara on the demo data: the failure taxonomy, annotations with category and severity,
 * the audited export per agent and date range, the dashboards' aggregates and recording waveforms.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewWorkflowsIT {

    private static final Reviewer PRIYA = Reviewer.of("it-rw-priya", "Priya Shah", ReviewRole.SUPERVISOR);
    private static final AuditActor ADMIN = AuditActor.user("it-rw-admin", "IT admin");

    @EJB
    private FailureTaxonomy taxonomy;

    @EJB
    private io.vigil.audit.AuditTrail trail;

    @EJB
    private FailureAnnotations annotations;

    @EJB
    private AnnotationExports exports;

    @EJB
    private ReviewDashboard dashboard;

    @EJB
    private RecordingWaveforms waveforms;

    @EJB
    private RecordingLibrary recordings;

    @EJB
    private CallCatalog catalog;

    @EJB
    private TenantDirectory tenants;

    @Resource(lookup = "jdbc/vigil")
    private DataSource db;

    private TenantId tenant(String slug) {
        return new TenantId(tenants.bySlug(slug).orElseThrow().id());
    }

    private CallSummary endedCall(TenantId tenant) {
        return catalog.page(tenant, CallQuery.firstPage(50)).stream()
                .filter(c -> c.durationMs() != null && c.durationMs() > 10_000).findFirst().orElseThrow();
    }

    @Test
    void everyTenantStartsWithTheDefaultTaxonomyAndAdminsChangeIt() {
        TenantId bank = tenant("acme-bank");
        List<String> defaults = List.of("ASR_ERROR", "WRONG_INTENT", "POLICY_BREACH", "HALLUCINATION",
                "MISSED_BARGE_IN", "TALKED_OVER_CALLER", "LATENCY", "TONE");
        assertTrue(taxonomy.all(bank).stream().map(FailureCategory::code).toList().containsAll(defaults));
        assertTrue(taxonomy.all(tenant("northwind-health")).stream().map(FailureCategory::code).toList()
                .containsAll(defaults));

        String label = "Wrong tool " + UUID.randomUUID().toString().substring(0, 8);
        FailureCategory added = taxonomy.add(bank, ADMIN, label);
        assertTrue(taxonomy.active(bank).contains(added));
        assertTrue(taxonomy.find(tenant("northwind-health"), added.code()).isEmpty(), "one tenant's taxonomy");
        assertThrows(ReviewInputException.class, () -> taxonomy.add(bank, ADMIN, label), "no duplicate codes");

        CallSummary call = endedCall(bank);
        FailureAnnotation onIt = annotations.annotate(bank, PRIYA, call.id(), added.code(), Severity.LOW, 0, 1_000, null);
        taxonomy.retire(bank, ADMIN, added.code());
        assertFalse(taxonomy.active(bank).stream().anyMatch(c -> c.code().equals(added.code())));
        assertThrows(ReviewInputException.class, () -> annotations.annotate(bank, PRIYA, call.id(), added.code(),
                Severity.LOW, 0, 1_000, null), "a retired category is not picked anew");
        // the annotation that has it keeps it when its author changes the note
        assertEquals(added.code(), annotations.revise(bank, PRIYA, onIt.id(), added.code(), Severity.MEDIUM, 0, 1_000,
                "still the wrong tool").category());
        assertThrows(ReviewInputException.class, () -> annotations.annotate(bank, PRIYA, call.id(), "NO_SUCH_THING",
                Severity.LOW, 0, 1_000, null));
        annotations.remove(bank, PRIYA, onIt.id());
        assertTrue(auditCount(AuditEvents.TAXONOMY_CHANGE, added.code()) >= 2, "add and retire are audited");
    }

    @Test
    void theExportHasTheAgentsAnnotationsOfTheRangeAndIsAudited() {
        TenantId bank = tenant("acme-bank");
        CallSummary call = endedCall(bank);
        String note = "export check " + UUID.randomUUID();
        FailureAnnotation mark = annotations.annotate(bank, PRIYA, call.id(), "HALLUCINATION", Severity.HIGH, 2_000,
                4_500, note);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        List<ExportedAnnotation> mine = exports.export(bank, ADMIN,
                new AnnotationExportQuery(call.agentName(), today, today), AnnotationExportFormat.JSON);
        ExportedAnnotation row = mine.stream().filter(r -> r.annotationId().equals(mark.id())).findFirst().orElseThrow();
        assertEquals(call.id(), row.callId());
        assertEquals(call.agentName(), row.agentProfile());
        assertEquals(call.agentVersion(), row.agentVersion());
        assertEquals("HALLUCINATION", row.category());
        assertEquals("Hallucination", row.categoryLabel());
        assertEquals("HIGH", row.severity());
        assertEquals(2_000, row.startMs());
        assertEquals(4_500, row.endMs());
        assertEquals(note, row.note());

        assertTrue(exports.export(bank, ADMIN, new AnnotationExportQuery("No such agent", today, today),
                AnnotationExportFormat.CSV).isEmpty());
        assertTrue(exports.export(bank, ADMIN, new AnnotationExportQuery(null, today.minusDays(10),
                today.minusDays(1)), AnnotationExportFormat.CSV).stream().noneMatch(r -> r.annotationId()
                .equals(mark.id())), "the date range holds");
        assertTrue(exports.export(tenant("northwind-health"), ADMIN, new AnnotationExportQuery(null, today, today),
                AnnotationExportFormat.CSV).stream().noneMatch(r -> r.annotationId().equals(mark.id())),
                "another tenant's export never has it");
        assertTrue(auditCount(AuditEvents.ANNOTATION_EXPORT, null) >= 4);
        assertTrue(auditCount("review.annotate", mark.id().toString()) == 1, "the annotation itself is audited");
    }

    @Test
    void theDashboardsAggregateTheDemoData() {
        TenantId bank = tenant("acme-bank");
        Instant now = Instant.now();
        CountSeries byReason = dashboard.flagsByReason(bank, 90, now);
        assertEquals(90, byReason.labels().size());
        assertEquals(flagsSince(bank, now.minusSeconds(89L * 86_400).atZone(ZoneOffset.UTC).toLocalDate()
                        .atStartOfDay(ZoneOffset.UTC).toInstant()),
                byReason.series().stream().flatMap(s -> s.values().stream()).mapToLong(Long::longValue).sum(),
                "every flag of the window is counted once");
        CountSeries open = dashboard.openFlagsByAge(bank, now);
        assertEquals(ReviewDashboard.AGE_BUCKETS, open.labels());
        assertTrue(open.series().stream().flatMap(s -> s.values().stream()).mapToLong(Long::longValue).sum() > 0);
        List<AgentVersionLatency> latency = dashboard.latencyByAgentVersion(bank, 90, now);
        assertFalse(latency.isEmpty());
        assertTrue(latency.stream().anyMatch(l -> l.medianMs() != null && l.p95Ms() >= l.medianMs()));
        dashboard.annotationCategoriesByAgentVersion(bank, 90, now);
        dashboard.flagsByAgent(bank, 7, now);
    }

    @Test
    void aRecordingsWaveformIsComputedOnceAndOnlyForItsTenant() throws Exception {
        TenantId bank = tenant("acme-bank");
        RecordingInfo recording = catalog.page(bank, CallQuery.firstPage(50)).stream()
                .flatMap(c -> recordings.forSession(bank, c.id()).stream()).filter(r -> !r.shredded()).findFirst()
                .orElseThrow(() -> new AssertionError("the demo calls have recordings"));
        Waveform first = waveforms.of(bank, recording.id()).orElseThrow();
        assertEquals(Waveform.DEFAULT_BUCKETS, first.peaks().length);
        assertTrue(java.util.Arrays.stream(first.peaks()).max().orElse(0) > 0, "speech is not silence");
        assertTrue(Math.abs(first.durationMs() - recording.durationMs()) <= 1);
        assertSame(first, waveforms.of(bank, recording.id()).orElseThrow(), "cached");
        assertTrue(waveforms.of(tenant("northwind-health"), recording.id()).isEmpty());
    }

    private long flagsSince(TenantId tenant, Instant from) {
        return count("SELECT count(*) FROM flag WHERE tenant_id = ? AND raised_at >= ?", tenant.value(), from);
    }

    private long auditCount(String action, String objectId) {
        trail.flush(); // audit events are queued and sequenced just after their commit
        return objectId == null
                ? count("SELECT count(*) FROM audit_entry WHERE action = ?", action)
                : count("SELECT count(*) FROM audit_entry WHERE action = ? AND object_id = ?", action, objectId);
    }

    private long count(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Instant at) {
                    ps.setObject(i + 1, java.sql.Timestamp.from(at));
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
