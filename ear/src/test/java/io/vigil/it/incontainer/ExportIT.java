package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import java.util.Map;
import io.vigil.crypto.c2pa.C2paManifest;
import io.vigil.crypto.c2pa.C2paReader;
import io.vigil.crypto.c2pa.DemoPki;
import io.vigil.crypto.testing.LocalTimestampAuthority;
import io.vigil.discovery.application.ExportFiles;
import io.vigil.discovery.application.ExportRefused;
import io.vigil.discovery.application.ExportSigning;
import io.vigil.discovery.application.ExportWorker;
import io.vigil.discovery.application.Exports;
import io.vigil.discovery.application.ManifestTimestamps;
import io.vigil.discovery.domain.AudioChoice;
import io.vigil.discovery.domain.BundleLayout;
import io.vigil.discovery.domain.BundleVerifier;
import io.vigil.discovery.domain.CallSelection;
import io.vigil.discovery.domain.ExportContent;
import io.vigil.discovery.domain.ExportRequest;
import io.vigil.discovery.domain.ExportRequestInvalid;
import io.vigil.discovery.domain.ExportState;
import io.vigil.discovery.domain.ExportSummary;
import io.vigil.discovery.domain.NativeFormat;
import io.vigil.discovery.domain.ProductionNumbering;
import io.vigil.recording.RecordingLibrary;
import io.vigil.retention.LegalHolds;
import io.vigil.retention.domain.HoldScope;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.CallQuery;
import io.vigil.session.domain.CallSummary;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An export of held calls end to end in the server: decrypted recordings, C2PA natives, audit proofs; a crash in the
 * middle resumes to the same natives; the bundle opens with unzip and openssl; only its requester downloads it.
 */
@ExtendWith(ArquillianExtension.class)
class ExportIT {

    private static final AuditActor LEGAL = AuditActor.user("it-legal", "IT legal counsel");
    private static final AuditActor OTHER_LEGAL = AuditActor.user("it-legal-2", "Another counsel");

    @EJB
    private Exports exports;

    @EJB
    private ExportWorker worker;

    @EJB
    private LegalHolds holds;

    @EJB
    private CallCatalog catalog;

    @EJB
    private RecordingLibrary recordings;

    @EJB
    private TenantDirectory tenants;

    @EJB
    private AuditTrail trail;

    @Resource(lookup = "jdbc/vigil")
    private DataSource db;

    private TenantId tenant(String slug) {
        return new TenantId(tenants.bySlug(slug).orElseThrow().id());
    }

    /** Three recorded demo calls of the tenant, put under a new hold; returns the hold. */
    private UUID holdOnRecordedCalls(TenantId tenant) {
        List<UUID> calls = new ArrayList<>();
        for (CallSummary call : catalog.page(tenant, CallQuery.firstPage(200))) {
            // other tests shred some recordings: take calls whose audio is still there
            if (recordings.forSession(tenant, call.id()).stream().anyMatch(r -> !r.shredded()) && calls.size() < 3) {
                calls.add(call.id());
            }
        }
        assertEquals(3, calls.size(), "the demo data has recorded calls");
        for (UUID call : calls) {
            trail.record(new AuditEvent(tenant.value(), LEGAL, "call.view", "call_session", call.toString(), null,
                    AuditOutcome.SUCCESS, Map.of("via", "export test")));
        }
        return holds.create(tenant, LEGAL, "Export IT matter", "EXP-" + UUID.randomUUID(), "held for the export test",
                HoldScope.calls(calls));
    }

    private ExportRequest request(UUID hold, AudioChoice audio, String justification) {
        return new ExportRequest("Export IT matter", new CallSelection(hold, null, null, null, null, List.of()),
                EnumSet.allOf(ExportContent.class), audio, NativeFormat.WAV, ProductionNumbering.of("VGL", 1), "CONFIDENTIAL", justification, null);
    }

    @Test
    void heldCallsExportToABundleThatVerifiesAfterACrash() throws Exception {
        TenantId bank = tenant("acme-bank");
        UUID hold = holdOnRecordedCalls(bank);
        UUID id = exports.request(bank, "Acme Bank", LEGAL, request(hold, AudioChoice.REDACTED, null));

        Path staging = ExportFiles.directory(bank, id).resolve("staging");
        assertThrows(Throwable.class, () -> worker.run(bank, id, (ordinal, total) -> {
            if (ordinal == 1) {
                throw new AssertionError("the server dies here");
            }
        }));
        ExportSummary crashed = exports.find(bank, id).orElseThrow();
        assertEquals(ExportState.RUNNING, crashed.state(), "a crash leaves the export to be resumed");
        assertEquals(2, crashed.stagedCalls());
        byte[] firstCall = Files.readAllBytes(staging.resolve("calls/0.pack"));

        worker.run(bank, id, (ordinal, total) -> { });
        ExportSummary done = exports.find(bank, id).orElseThrow();
        assertEquals(ExportState.DONE, done.state(), String.valueOf(done.error()));
        assertEquals(100, done.percent());
        assertFalse(Files.exists(staging), "the staging area is removed once the bundle is built");

        Path bundle = exports.download(bank, id, LEGAL);
        List<X509Certificate> roots = ExportSigning.certificates(rootPem(id));
        BundleVerifier.Report report = BundleVerifier.verify(bundle, roots, Optional.empty());
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(3, report.nativesChecked());
        assertTrue(report.auditEntries() >= 5, "the calls' views, the hold's creation, the request: " + report.auditEntries());
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            java.io.ByteArrayOutputStream shipped = new java.io.ByteArrayOutputStream();
            for (String name : List.of("NATIVES/VGL000001.wav", "TEXT/VGL000001.txt", "TEXT/VGL000001.vtt", "METADATA/VGL000001.json")) {
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    in.transferTo(shipped);
                }
            }
            assertArrayEquals(firstCall, shipped.toByteArray(), "what was staged before the crash is what is shipped");
            assertTrue(new String(zip.getInputStream(zip.getEntry(BundleLayout.CUSTODY)).readAllBytes(), StandardCharsets.ISO_8859_1)
                    .startsWith("%PDF-"));
            String manifest = new String(zip.getInputStream(zip.getEntry(BundleLayout.MANIFEST)).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("\"requestedBy\"") && manifest.contains(hold.toString()), manifest);
        }

        Path dir = Files.createTempDirectory("export-it");
        assertEquals(0, run(dir, "unzip", "-t", bundle.toString()));
        assertEquals(0, run(dir, "unzip", "-q", bundle.toString()));
        Files.writeString(dir.resolve("root.pem"), rootPem(id));
        assertEquals(0, run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.json.p7s",
                "-content", "manifest.json", "-CAfile", "root.pem", "-purpose", "any", "-out", "/dev/null"));
        assertEquals(1, auditCount(id, "export.download", "success"));
    }

    @Test
    void onlyTheRequesterDownloadsAndOtherTenantsSeeNothing() {
        TenantId bank = tenant("acme-bank");
        UUID id = exports.request(bank, "Acme Bank", LEGAL, request(holdOnRecordedCalls(bank), AudioChoice.NONE, null));
        worker.run(bank, id, (ordinal, total) -> { });
        assertEquals(ExportState.DONE, exports.find(bank, id).orElseThrow().state());

        ExportRefused refused = assertThrows(ExportRefused.class, () -> exports.download(bank, id, OTHER_LEGAL));
        assertEquals(ExportRefused.Reason.NOT_REQUESTER, refused.reason());
        assertEquals(1, auditCount(id, "export.download", "denied"), "a refused download is audited");

        TenantId health = tenant("northwind-health");
        assertTrue(exports.find(health, id).isEmpty());
        assertEquals(ExportRefused.Reason.NOT_FOUND,
                assertThrows(ExportRefused.class, () -> exports.download(health, id, LEGAL)).reason());
    }

    @Test
    void unredactedAudioNeedsAJustificationWhichIsAudited() {
        TenantId bank = tenant("acme-bank");
        UUID hold = holdOnRecordedCalls(bank);
        assertThrows(ExportRequestInvalid.class, () -> request(hold, AudioChoice.ORIGINAL, "because"));
        UUID id = exports.request(bank, "Acme Bank", LEGAL, request(hold, AudioChoice.ORIGINAL,
                "Court order 26-0042 requires the original recordings"));
        assertEquals(1, auditCount(id, "export.request", "success"));
        assertTrue(auditDetails(id, "export.request").contains("Court order 26-0042"));
        assertThrows(ExportRequestInvalid.class, () -> exports.request(bank, "Acme Bank", LEGAL,
                request(UUID.randomUUID(), AudioChoice.REDACTED, null)), "an unknown hold is refused");
    }

    @Test
    void aConfiguredTimestampAuthorityStampsTheManifestSignatureAndTheNatives() throws Exception {
        TenantId bank = tenant("acme-bank");
        UUID hold = holdOnRecordedCalls(bank);
        DemoPki tsaPki = DemoPki.create("Export IT time-stamping");
        UUID id;
        try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start(tsaPki)) {
            System.setProperty(ManifestTimestamps.URL_SETTING, tsa.url().toString());
            try {
                id = exports.request(bank, "Acme Bank", LEGAL, request(hold, AudioChoice.REDACTED, null));
                worker.run(bank, id, (ordinal, total) -> { });
            } finally {
                System.clearProperty(ManifestTimestamps.URL_SETTING);
            }
            ExportSummary done = exports.find(bank, id).orElseThrow();
            assertEquals(ExportState.DONE, done.state(), String.valueOf(done.error()));
            assertTrue(tsa.served() >= 4, "the manifest signature and three natives were stamped: " + tsa.served());

            Path bundle = exports.download(bank, id, LEGAL);
            List<X509Certificate> roots = ExportSigning.certificates(rootPem(id));
            BundleVerifier.Report report = BundleVerifier.verify(bundle, roots, Optional.empty());
            assertTrue(report.intact(), report.problems().toString());
            assertTrue(report.timestamp().isPresent(), "the verifier reports the timestamp: " + report.notes());

            Path dir = Files.createTempDirectory("export-tsa");
            assertEquals(0, run(dir, "unzip", "-q", bundle.toString()));
            byte[] manifest = Files.readAllBytes(dir.resolve(BundleLayout.MANIFEST));
            SignerInformation signer = new CMSSignedData(new CMSProcessableByteArray(manifest),
                    Files.readAllBytes(dir.resolve(BundleLayout.SIGNATURE))).getSignerInfos().getSigners().iterator().next();
            Attribute token = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            Files.write(dir.resolve("token.der"), token.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded());
            Files.writeString(dir.resolve("tsa-root.pem"), tsaPki.rootPem());
            Files.writeString(dir.resolve("tsa-chain.pem"), ExportSigning.pem(tsa.chain()));
            String imprint = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
            assertEquals(0, run(dir, "openssl", "ts", "-verify", "-digest", imprint, "-in", "token.der", "-token_in",
                    "-CAfile", "tsa-root.pem", "-untrusted", "tsa-chain.pem"), "openssl ts -verify accepts the token");

            for (int n = 1; n <= 3; n++) {
                C2paManifest c2pa = C2paReader.trusting(roots).read(Files.readAllBytes(dir.resolve("NATIVES/VGL00000" + n + ".wav")));
                assertTrue(c2pa.timestamp().isPresent(), "the redacted native's C2PA signature carries sigTst2");
            }
        }
    }

    @Test
    void anUnreachableTimestampAuthorityFailsTheExportAndSaysWhy() throws Exception {
        TenantId bank = tenant("acme-bank");
        UUID hold = holdOnRecordedCalls(bank);
        String url;
        try (LocalTimestampAuthority gone = LocalTimestampAuthority.start(DemoPki.create("Closed TSA"))) {
            url = gone.url().toString();
        }
        UUID id = exports.request(bank, "Acme Bank", LEGAL, request(hold, AudioChoice.NONE, null));
        System.setProperty(ManifestTimestamps.URL_SETTING, url);
        try {
            worker.run(bank, id, (ordinal, total) -> { });
        } finally {
            System.clearProperty(ManifestTimestamps.URL_SETTING);
        }
        ExportSummary failed = exports.find(bank, id).orElseThrow();
        assertEquals(ExportState.FAILED, failed.state());
        assertTrue(failed.error().contains("timestamp authority " + url + " cannot be reached")
                && failed.error().contains("request it again"), failed.error());
        assertEquals(1, auditCount(id, ExportWorker.FAILED, "failure"), "the failure is audited");
        assertThrows(ExportRefused.class, () -> exports.download(bank, id, LEGAL), "no bundle without its timestamp");
    }

    private String rootPem(UUID exportId) {
        return query("SELECT trust_root_pem FROM export_request WHERE id = ?", exportId.toString(), null, null);
    }

    private long auditCount(UUID exportId, String action, String outcome) {
        trail.flush();
        return Long.parseLong(query("SELECT count(*) FROM audit_entry WHERE object_id = ? AND action = ? AND outcome = ?",
                exportId.toString(), action, outcome));
    }

    private String auditDetails(UUID exportId, String action) {
        trail.flush();
        return query("SELECT details::text FROM audit_entry WHERE object_id = ? AND action = ? AND outcome = ?",
                exportId.toString(), action, "success");
    }

    private String query(String sql, String a, String b, String c) {
        try (Connection connection = db.getConnection(); PreparedStatement ps = connection.prepareStatement(sql)) {
            if (sql.startsWith("SELECT trust_root_pem")) {
                ps.setObject(1, UUID.fromString(a));
            } else {
                ps.setString(1, a);
                ps.setString(2, b);
                ps.setString(3, c);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + output);
        return p.exitValue();
    }
}
