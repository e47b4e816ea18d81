package io.vigil.discovery.application;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.audit.domain.StoredCheckpoint;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.crypto.bundle.DigestingOutputStream;
import io.vigil.crypto.bundle.EntryDigest;
import io.vigil.crypto.bundle.RecipientEncryption;
import io.vigil.discovery.domain.AudioChoice;
import io.vigil.discovery.domain.BundleBuilder;
import io.vigil.discovery.domain.BundleFile;
import io.vigil.discovery.domain.BundleLayout;
import io.vigil.discovery.domain.CustodyReport;
import io.vigil.discovery.domain.ExportJson;
import io.vigil.discovery.domain.ExportRequest;
import io.vigil.discovery.domain.StagedCall;
import io.vigil.retention.LegalHolds;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds an export's bundle in the background, outside any transaction (each staged call commits on its own, see
 * {@link ExportStore}), and carries on where it stopped when started again after a crash or restart
 * ({@link ExportResumer}). One worker per export at a time in this server.
 */
@Stateless
public class ExportWorker {

    public static final String COMPLETE = "export.complete";
    public static final String FAILED = "export.failed";

    private static final Logger LOG = Logger.getLogger(ExportWorker.class.getName());
    private static final Set<UUID> RUNNING = ConcurrentHashMap.newKeySet();

    @EJB
    private ExportStore store;

    @EJB
    private ExportCallLoader loader;

    @EJB
    private ExportSigning signing;

    @EJB
    private ExportAuditEvidence evidence;

    @EJB
    private AuditTrail audit;

    @EJB
    private LegalHolds holds;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void start(TenantId tenant, UUID exportId) {
        run(tenant, exportId, (ordinal, total) -> { });
    }

    /**
     * Builds (or finishes) the bundle now, telling {@code listener} after every call. An exception marks the export
     * failed; an {@link Error} (a crash) leaves it running, to be resumed.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(TenantId tenant, UUID exportId, BundleBuilder.CallListener listener) {
        if (!RUNNING.add(exportId)) {
            return;
        }
        try {
            ExportStore.StoredExport export = store.find(tenant, exportId).orElseThrow();
            if (export.state() == io.vigil.discovery.domain.ExportState.DONE) {
                return;
            }
            store.running(exportId);
            build(export, listener);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "export " + exportId + " failed", e);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            store.failed(exportId, reason);
            audit.recordFailure(new AuditEvent(tenant.value(), AuditActor.system("discovery"), FAILED, "export",
                    exportId.toString(), null, AuditOutcome.FAILURE, Map.of("reason", reason)));
        } finally {
            RUNNING.remove(exportId);
        }
    }

    private void build(ExportStore.StoredExport export, BundleBuilder.CallListener listener) throws IOException {
        TenantId tenant = export.tenant();
        ExportRequest request = export.request();
        Path dir = ExportFiles.directory(tenant, export.id());
        Path staging = dir.resolve("staging");
        List<UUID> calls = store.callIds(export.id());
        Optional<ManifestTimestamps> tsa = ManifestTimestamps.configured();
        BundleBuilder builder = new BundleBuilder(new BundleBuilder.Plan(export.id(), request, header(export), calls),
                staging, new DbExportProgress(store, tenant, export.id()),
                (ordinal, callId) -> loader.load(tenant, request, callId),
                signing.nativeSigner(tenant, export.trustRootPem(), tsa),
                signing.manifestSigner(tenant, export.signingChainPem(), tsa),
                (ordinal, total) -> listener.staged(ordinal, total));
        builder.stageCalls();
        List<BundleFile> others = otherFiles(export, staging, calls);
        builder.stageFiles(others);
        List<String> paths = others.stream().map(BundleFile::path).toList();
        builder.stageManifest(paths);
        Path bundle = dir.resolve(ExportFiles.BUNDLE);
        EntryDigest digest = builder.assemble(bundle, paths);
        boolean encrypted = request.recipientCertificatePem() != null;
        if (encrypted) {
            digest = encrypt(bundle, ExportSigning.certificates(request.recipientCertificatePem()).get(0),
                    dir.resolve(ExportFiles.ENCRYPTED));
            Files.delete(bundle);
        }
        ExportFiles.deleteTree(staging);
        store.done(export.id(), digest.size(), digest.sha256(), encrypted);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("matter", request.matter());
        details.put("calls", Integer.toString(calls.size()));
        details.put("bundle_sha256", digest.sha256());
        details.put("encrypted", Boolean.toString(encrypted));
        audit.record(new AuditEvent(tenant.value(), AuditActor.system("discovery"), COMPLETE, "export",
                export.id().toString(), null, AuditOutcome.SUCCESS, details));
    }

    private static EntryDigest encrypt(Path bundle, X509Certificate recipient, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(bundle); OutputStream file = Files.newOutputStream(target)) {
            DigestingOutputStream out = new DigestingOutputStream(file);
            RecipientEncryption.encrypt(in, recipient, out);
            return out.digest(ExportFiles.ENCRYPTED);
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Map<String, Object> header(ExportStore.StoredExport export) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("id", export.id().toString());
        header.put("tenant", export.tenant().toString());
        header.put("matter", export.request().matter());
        header.put("requestedBy", Map.of("id", export.requester().id(), "name", String.valueOf(export.requester().name())));
        header.put("requestedAt", export.requestedAt().toString());
        header.put("calls", export.totalCalls());
        header.put("request", ExportJson.mapper().valueToTree(export.request()));
        return header;
    }

    /** AUDIT/ (checkpoint first: entries and proofs are taken against it), CERTS/, the custody report. */
    private List<BundleFile> otherFiles(ExportStore.StoredExport export, Path staging, List<UUID> calls) {
        TenantId tenant = export.tenant();
        List<BundleFile> files = new ArrayList<>();
        files.add(file(BundleLayout.AUDIT_CHECKPOINT, out -> {
            StoredCheckpoint checkpoint = evidence.checkpoint();
            out.write(checkpoint.note().getBytes(StandardCharsets.UTF_8));
        }));
        files.add(file(BundleLayout.AUDIT_KEY, out -> out.write(evidence.auditKeyPem().getBytes(StandardCharsets.US_ASCII))));
        files.add(file(BundleLayout.AUDIT_ENTRIES, out -> {
            Set<String> objects = new HashSet<>();
            calls.forEach(c -> objects.add(c.toString()));
            objects.addAll(evidence.recordingIds(tenant, new HashSet<>(objects)));
            objects.add(export.id().toString());
            if (export.request().selection().holdId() != null) {
                objects.add(export.request().selection().holdId().toString());
            }
            evidence.writeEntries(tenant, objects, checkpointSize(staging), out);
        }));
        files.add(file(BundleLayout.AUDIT_PROOFS, out -> evidence.writeProofs(stagedSeqs(staging), checkpointSize(staging), out)));
        files.add(file(BundleLayout.SIGNING_CHAIN, out -> out.write(export.signingChainPem().getBytes(StandardCharsets.US_ASCII))));
        files.add(file(BundleLayout.TRUST_ROOT, out -> out.write(export.trustRootPem().getBytes(StandardCharsets.US_ASCII))));
        files.add(file(BundleLayout.CUSTODY, out -> {
            try (BufferedReader entries = Files.newBufferedReader(staging.resolve(BundleLayout.AUDIT_ENTRIES));
                 BufferedReader proofs = Files.newBufferedReader(staging.resolve(BundleLayout.AUDIT_PROOFS))) {
                CustodyReport.write(custodyHeader(export), Files.readString(staging.resolve(BundleLayout.AUDIT_CHECKPOINT)),
                        entries, proofs, out);
            }
        }));
        return files;
    }

    private CustodyReport.Header custodyHeader(ExportStore.StoredExport export) {
        ExportRequest request = export.request();
        List<String> authorisations = new ArrayList<>();
        authorisations.add("Requested by " + export.requester().name() + " (" + export.requester().id()
                + "), holding the legal role, at " + export.requestedAt());
        authorisations.add(request.audio() == AudioChoice.ORIGINAL
                ? "Unredacted audio, justified as: " + request.justification()
                : "Audio: " + request.audio().name().toLowerCase() + " (no unredacted audio leaves Vigil)");
        if (request.selection().holdId() != null) {
            holds.find(export.tenant(), request.selection().holdId()).ifPresent(h -> authorisations.add("Legal hold "
                    + h.matterName() + " (" + h.reference() + "), created by " + h.createdByName() + " at " + h.createdAt()
                    + ", state " + h.state()));
        }
        if (request.recipientCertificatePem() != null) {
            authorisations.add("Encrypted for " + ExportSigning.certificates(request.recipientCertificatePem()).get(0)
                    .getSubjectX500Principal().getName());
        }
        Map<String, String> numbers = new HashMap<>();
        new DbExportProgress(store, export.tenant(), export.id()).forEachCall((StagedCall c) ->
                numbers.put(c.document().callId().toString(), c.document().productionNumber()));
        return new CustodyReport.Header(request.matter(), export.id().toString(), export.tenant().toString(),
                export.requester().name() + " (" + export.requester().id() + ")", export.requestedAt().toString(),
                ExportJson.write(request), authorisations, numbers);
    }

    private static long checkpointSize(Path staging) throws IOException {
        try {
            return io.vigil.crypto.audit.SignedCheckpoint.parse(Files.readString(staging.resolve(BundleLayout.AUDIT_CHECKPOINT)))
                    .checkpoint().size();
        } catch (io.vigil.crypto.audit.AuditFormatException e) {
            throw new IOException("the staged checkpoint is not a signed note: " + e.getMessage(), e);
        }
    }

    private static long[] stagedSeqs(Path staging) throws IOException {
        try (var lines = Files.lines(staging.resolve(BundleLayout.AUDIT_ENTRIES))) {
            return lines.mapToLong(line -> ExportJson.mapper().valueToTree(parse(line)).path("entry").path("seq").asLong()).toArray();
        }
    }

    private static Object parse(String line) {
        try {
            return ExportJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException("a staged audit entry is not JSON", e);
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static BundleFile file(String path, Writer writer) {
        return new BundleFile() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public void write(OutputStream out) throws IOException {
                writer.write(out);
            }
        };
    }
}
