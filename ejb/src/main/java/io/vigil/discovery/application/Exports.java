package io.vigil.discovery.application;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.discovery.domain.AudioChoice;
import io.vigil.discovery.domain.CallSelectionSql;
import io.vigil.discovery.domain.ExportRequest;
import io.vigil.discovery.domain.ExportRequestInvalid;
import io.vigil.discovery.domain.ExportState;
import io.vigil.discovery.domain.ExportSummary;
import io.vigil.keys.Rows;
import io.vigil.platform.NativeRows;
import io.vigil.retention.LegalHolds;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * eDiscovery exports for the legal role: request one (the calls are fixed then, in production order), follow its
 * progress, and download the bundle (its requester only). Requests, refusals and downloads are audited
 * ({@code export.*}); a request for unredacted audio records its justification.
 */
@Stateless
public class Exports {

    public static final String REQUEST = "export.request";
    public static final String DOWNLOAD = "export.download";
    public static final String OBJECT_TYPE = "export";
    public static final int MAX_CALLS = 100_000;

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private ExportStore store;

    @EJB
    private ExportSigning signing;

    @EJB
    private ExportWorker worker;

    @EJB
    private LegalHolds holds;

    @EJB
    private AuditTrail audit;

    /**
     * Records the request and the calls it covers; returns its id. Start the worker with {@link #start} once this
     * transaction has committed. {@link ExportRequestInvalid} (audited as refused) when it cannot be carried out.
     */
    public UUID request(TenantId tenant, String tenantName, AuditActor actor, ExportRequest request) {
        List<UUID> calls;
        try {
            if (request.selection().holdId() != null && holds.find(tenant, request.selection().holdId()).isEmpty()) {
                throw new ExportRequestInvalid("No legal hold " + request.selection().holdId() + " in this tenant; choose one"
                        + " from the legal holds page");
            }
            if (request.recipientCertificatePem() != null) {
                try {
                    ExportSigning.certificates(request.recipientCertificatePem()).get(0);
                } catch (RuntimeException e) {
                    throw new ExportRequestInvalid("The recipient certificate is not a PEM X.509 certificate; paste the"
                            + " -----BEGIN CERTIFICATE----- block the recipient gave you");
                }
            }
            CallSelectionSql.Query query = CallSelectionSql.of(tenant.value(), request.selection());
            calls = NativeRows.query(em, query.sql() + " LIMIT " + (MAX_CALLS + 1), query.parameters()).stream()
                    .map(r -> Rows.uuid(r[0])).toList();
            if (calls.isEmpty()) {
                throw new ExportRequestInvalid("No call matches this selection; widen the date range or check the hold");
            }
            if (calls.size() > MAX_CALLS) {
                throw new ExportRequestInvalid("More than " + MAX_CALLS + " calls match; split the production by date range");
            }
            request.numbering().number(calls.size() - 1);
        } catch (ExportRequestInvalid e) {
            audit.recordFailure(event(tenant, actor, REQUEST, null, AuditOutcome.DENIED, request,
                    Map.of("refused", e.getMessage())));
            throw e;
        }
        UUID id = UUID.randomUUID();
        ExportSigning.Certificates certificates = signing.issue(tenant, tenantName);
        store.insert(tenant, id, request, actor, Instant.now().truncatedTo(ChronoUnit.MILLIS), calls,
                certificates.chainPem(), certificates.rootPem());
        audit.record(event(tenant, actor, REQUEST, id, AuditOutcome.SUCCESS, request,
                Map.of("calls", Integer.toString(calls.size()))));
        return id;
    }

    /** Starts building in the background (after the request committed). */
    public void start(TenantId tenant, UUID exportId) {
        worker.start(tenant, exportId);
    }

    public Optional<ExportSummary> find(TenantId tenant, UUID id) {
        return store.summary(tenant, id);
    }

    public List<ExportSummary> page(TenantId tenant, int first, int size) {
        return store.page(tenant, first, size);
    }

    public long count(TenantId tenant) {
        return store.count(tenant);
    }

    /** Finished exports of {@code requester} not yet announced to them (each is announced once). */
    public List<ExportSummary> notices(TenantId tenant, String requester) {
        return store.takeNotices(tenant, requester);
    }

    /**
     * The bundle file for its requester, audited before a byte is served. Another user of the tenant is refused
     * (audited); another tenant's export is not found.
     */
    public Path download(TenantId tenant, UUID id, AuditActor actor) {
        ExportStore.StoredExport export = store.find(tenant, id)
                .orElseThrow(() -> new ExportRefused(ExportRefused.Reason.NOT_FOUND, "No export " + id));
        if (!export.requester().id().equals(actor.id())) {
            audit.recordFailure(new AuditEvent(tenant.value(), actor, DOWNLOAD, OBJECT_TYPE, id.toString(), null,
                    AuditOutcome.DENIED, Map.of("refused", "not the requester")));
            throw new ExportRefused(ExportRefused.Reason.NOT_REQUESTER, "Only the person who requested this export ("
                    + export.requester().name() + ") can download it; ask them, or request your own export");
        }
        ExportSummary summary = store.summary(tenant, id).orElseThrow();
        Path bundle = ExportFiles.bundle(tenant, id, summary.encrypted());
        if (summary.state() == ExportState.EXPIRED) {
            throw new ExportRefused(ExportRefused.Reason.NOT_READY, "The export expired under the tenant's retention"
                    + " policy for exports and its bundle was removed; request a new export if the calls are still kept");
        }
        if (summary.state() != ExportState.DONE || !Files.isRegularFile(bundle)) {
            throw new ExportRefused(ExportRefused.Reason.NOT_READY, "The export is " + summary.state().name().toLowerCase()
                    + " (" + summary.percent() + "%); download it when it is done");
        }
        Map<String, String> details = new TreeMap<>();
        details.put("bundle_sha256", summary.bundleSha256());
        details.put("encrypted", Boolean.toString(summary.encrypted()));
        audit.record(new AuditEvent(tenant.value(), actor, DOWNLOAD, OBJECT_TYPE, id.toString(), null, AuditOutcome.SUCCESS,
                details));
        return bundle;
    }

    private static AuditEvent event(TenantId tenant, AuditActor actor, String action, UUID id, AuditOutcome outcome,
                                    ExportRequest request, Map<String, String> extra) {
        Map<String, String> details = new LinkedHashMap<>(extra);
        details.put("matter", request.matter());
        details.put("audio", request.audio().name());
        details.put("contents", request.contents().toString());
        details.put("numbering", request.numbering().prefix() + request.numbering().start());
        if (request.audio() == AudioChoice.ORIGINAL && request.justification() != null) {
            details.put("justification", request.justification());
        }
        if (request.selection().holdId() != null) {
            details.put("hold", request.selection().holdId().toString());
        }
        return new AuditEvent(tenant.value(), actor, action, OBJECT_TYPE, id == null ? null : id.toString(), null, outcome,
                details);
    }
}
