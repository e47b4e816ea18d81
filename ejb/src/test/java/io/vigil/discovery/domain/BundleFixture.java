package io.vigil.discovery.domain;

import io.vigil.audit.domain.AuditExportWriter;
import io.vigil.crypto.audit.AuditEntry;
import io.vigil.crypto.audit.AuditExport;
import io.vigil.crypto.audit.AuditLogWriter;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.crypto.audit.Checkpoint;
import io.vigil.crypto.audit.CheckpointSigner;
import io.vigil.crypto.audit.InMemoryAuditTreeStore;
import io.vigil.crypto.audit.SignedCheckpoint;
import io.vigil.crypto.audit.TreeProofs;
import io.vigil.crypto.bundle.EntryDigest;
import io.vigil.crypto.bundle.ManifestSignature;
import io.vigil.crypto.c2pa.C2paException;
import io.vigil.crypto.c2pa.C2paWriter;
import io.vigil.crypto.c2pa.ClaimGenerator;
import io.vigil.crypto.c2pa.DemoPki;
import io.vigil.crypto.c2pa.DigitalSourceType;
import io.vigil.recording.WavAudio;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/** Everything a bundle needs, in memory: calls with audio, a demo PKI, an audit log with proofs. */
final class BundleFixture {

    static final DemoPki PKI = DemoPki.create("Vigil Test");
    static final DemoPki.Identity SIGNER = PKI.newSigningIdentity("Acme eDiscovery");

    final UUID exportId = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    final List<UUID> callIds = new ArrayList<>();
    final ExportRequest request;
    final InMemoryProgress progress = new InMemoryProgress();

    BundleFixture(int calls, AudioChoice audio) {
        this(calls, audio, NativeFormat.WAV);
    }

    BundleFixture(int calls, AudioChoice audio, NativeFormat format) {
        for (int i = 0; i < calls; i++) {
            callIds.add(UUID.fromString(String.format("00000000-0000-0000-0000-%012d", i + 1)));
        }
        request = new ExportRequest("Smith v. Acme, 26-cv-0042", new CallSelection(null, null, null, null, null, callIds),
                EnumSet.allOf(ExportContent.class), audio, format, ProductionNumbering.of("VGL", 1), "CONFIDENTIAL",
                audio == AudioChoice.ORIGINAL ? "Court order 26-0042 requires the unredacted audio" : null, null);
    }

    BundleBuilder builder(Path staging, BundleBuilder.CallListener listener) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("id", exportId.toString());
        header.put("matter", request.matter());
        header.put("requestedBy", "legal-1");
        header.put("requestedAt", "2026-11-26T08:00:00Z");
        return new BundleBuilder(new BundleBuilder.Plan(exportId, request, header, callIds), staging, progress,
                BundleFixture::call, nativeSigner(), manifest -> {
                    try {
                        return ManifestSignature.sign(manifest, data -> {
                            Signature s = Signature.getInstance("SHA256withECDSA");
                            s.initSign(SIGNER.privateKey());
                            s.update(data);
                            return s.sign();
                        }, SIGNER.chain(), Optional.empty());
                    } catch (java.security.GeneralSecurityException e) {
                        throw new IOException(e);
                    }
                }, listener);
    }

    /** Builds the whole bundle into {@code dir/bundle.zip}. */
    Path build(Path dir, BundleBuilder.CallListener listener) throws Exception {
        BundleBuilder builder = builder(dir.resolve("staging"), listener);
        builder.stageCalls();
        List<BundleFile> others = otherFiles();
        builder.stageFiles(others);
        List<String> paths = others.stream().map(BundleFile::path).toList();
        builder.stageManifest(paths);
        Path bundle = dir.resolve("bundle.zip");
        builder.assemble(bundle, paths);
        return bundle;
    }

    List<String> otherPaths() throws Exception {
        return otherFiles().stream().map(BundleFile::path).toList();
    }

    static NativeSigner nativeSigner() {
        C2paWriter writer = C2paWriter.create(SIGNER.signer(), ClaimGenerator.vigil());
        return new NativeSigner() {
            public byte[] signOriginal(byte[] wav, String title) throws IOException {
                try {
                    return writer.sign(wav, title, DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
                } catch (C2paException e) {
                    throw new IOException(e);
                }
            }

            public byte[] signRedacted(byte[] original, byte[] redacted, String title, String description) throws IOException {
                try {
                    return writer.signRedactedExport(signOriginal(original, "original"), redacted, title, description);
                } catch (C2paException e) {
                    throw new IOException(e);
                }
            }

            public byte[] signTranscoded(byte[] original, byte[] transcoded, String title, String description) throws IOException {
                try {
                    return writer.signTranscodedCopy(signOriginal(original, "original"), transcoded, title, description);
                } catch (C2paException e) {
                    throw new IOException(e);
                }
            }
        };
    }

    static CallMaterial call(int ordinal, UUID id) {
        short[] samples = new short[8000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            pcm[2 * i] = (byte) samples[i];
            pcm[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return new CallMaterial(id, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * ordinal), 1000,
                "Billing agent", "Billing agent v2 (sim-realtime)", "PHONE",
                List.of(new CallMaterial.Line("AGENT", 0, 400, "Thanks for calling, how can I help?"),
                        new CallMaterial.Line("CALLER", 450, 900, "My card is [CREDIT_CARD], þ and \u0014 odd < chars")),
                "{\"events\":[]}", new WavAudio(8000, pcm).fileBytes());
    }

    /** Audit evidence (an in-memory log of the calls' entries), the certificates. */
    List<BundleFile> otherFiles() throws Exception {
        return List.of(file(BundleLayout.AUDIT_ENTRIES, audit().entries), file(BundleLayout.AUDIT_PROOFS, audit().proofs),
                file(BundleLayout.AUDIT_CHECKPOINT, audit().checkpoint), file(BundleLayout.AUDIT_KEY, audit().key),
                file(BundleLayout.SIGNING_CHAIN, pem(SIGNER.chain())), file(BundleLayout.TRUST_ROOT, PKI.rootPem()),
                file(BundleLayout.CUSTODY, "%PDF-1.4 stand-in\n"));
    }

    private Audit audit;

    private record Audit(String entries, String proofs, String checkpoint, String key) {
    }

    private Audit audit() throws Exception {
        if (audit != null) {
            return audit;
        }
        InMemoryAuditTreeStore store = new InMemoryAuditTreeStore();
        AuditLogWriter writer = AuditLogWriter.open(store);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        CheckpointSigner signer = CheckpointSigner.of(pair.getPrivate(), pair.getPublic());
        StringBuilder entries = new StringBuilder();
        List<long[]> seqs = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < callIds.size(); i++) {
            AuditEntry entry = AuditEntry.of(i, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i), UUID.randomUUID(),
                    "system:recorder", "recording.created", "call_session", callIds.get(i).toString(), null,
                    AuditOutcome.SUCCESS, new TreeMap<>(Map.of("track", "mixed")));
            byte[] leaf = writer.append(entry);
            lines.add(AuditExport.line(entry, leaf));
            seqs.add(new long[] {i});
        }
        long size = callIds.size();
        SignedCheckpoint checkpoint = SignedCheckpoint.sign(new Checkpoint("vigil.test/audit", size,
                TreeProofs.over(store).root(size)), signer);
        StringBuilder proofs = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            entries.append(lines.get(i)).append('\n');
            proofs.append(AuditExportWriter.proofLine(TreeProofs.over(store).inclusion(i, size)));
        }
        audit = new Audit(entries.toString(), proofs.toString(), checkpoint.note(), signer.key().toPem());
        return audit;
    }

    static String pem(List<X509Certificate> chain) throws Exception {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate c : chain) {
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString();
    }

    static BundleFile file(String path, String content) {
        return new BundleFile() {
            public String path() {
                return path;
            }

            public void write(OutputStream out) throws IOException {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** Progress kept in memory; survives a "crash" of the builder because the test keeps it. */
    static final class InMemoryProgress implements ExportProgress {
        final Map<Integer, StagedCall> calls = new TreeMap<>();
        final Map<String, EntryDigest> files = new LinkedHashMap<>();

        public Optional<StagedCall> call(int ordinal) {
            return Optional.ofNullable(calls.get(ordinal));
        }

        public void callStaged(StagedCall call) {
            calls.put(call.document().ordinal(), call);
        }

        public Optional<EntryDigest> file(String path) {
            return Optional.ofNullable(files.get(path));
        }

        public void fileStaged(EntryDigest file) {
            files.put(file.path(), file);
        }

        public void forEachCall(Consumer<StagedCall> action) {
            calls.values().forEach(action);
        }
    }
}
