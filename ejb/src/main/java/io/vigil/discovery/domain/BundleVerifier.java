package io.vigil.discovery.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.audit.domain.TenantExportVerifier;
import io.vigil.crypto.audit.AuditFormatException;
import io.vigil.crypto.audit.CheckpointKey;
import io.vigil.crypto.bundle.DigestingOutputStream;
import io.vigil.crypto.bundle.EntryDigest;
import io.vigil.crypto.bundle.ManifestSignatureVerifier;
import io.vigil.crypto.c2pa.C2paReader;
import io.vigil.crypto.c2pa.C2paVerificationException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a bundle offline, trusting only what the caller gives it (a root certificate and the audit key) or, failing
 * that, what the bundle carries (and then says so):
 *
 * <ol>
 *   <li>every file listed in {@code manifest.json} is in the ZIP with that size and SHA-256, and the ZIP holds
 *       nothing else;</li>
 *   <li>the CMS signature over the manifest, its signer's chain, and its RFC 3161 timestamp if any;</li>
 *   <li>the C2PA manifest of every native, against the same root;</li>
 *   <li>the audit evidence: the checkpoint's signature and each entry's inclusion proof.</li>
 * </ol>
 * Every problem names the file it is about. Reads one entry at a time; a native is held whole only while its C2PA
 * manifest is checked.
 */
public final class BundleVerifier {

    /** One problem, about one file of the bundle. */
    public record Problem(String file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    /** The verdict. */
    public record Report(int filesChecked, int nativesChecked, long auditEntries, String signer,
                         Optional<java.time.Instant> timestamp, List<String> notes, List<Problem> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleVerifier() {
    }

    /**
     * Verifies {@code bundle}; {@code trustRoots} and {@code auditKey} are what the verifier trusts, each may be
     * empty (then the bundle's own copy is used, and a note says it was not independently trusted).
     */
    public static Report verify(Path bundle, List<X509Certificate> trustRoots, Optional<CheckpointKey> auditKey)
            throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8)) {
            byte[] manifest = read(zip, BundleLayout.MANIFEST, problems);
            byte[] signature = read(zip, BundleLayout.SIGNATURE, problems);
            if (manifest == null) {
                return new Report(0, 0, 0, "unknown", Optional.empty(), notes, problems);
            }
            JsonNode files;
            try {
                files = JSON.readTree(manifest).path("files");
            } catch (IOException e) {
                problems.add(new Problem(BundleLayout.MANIFEST, "not valid JSON: " + e.getMessage()));
                files = JSON.createArrayNode();
            }
            Set<String> listed = new HashSet<>(List.of(BundleLayout.MANIFEST, BundleLayout.SIGNATURE));
            int checked = 0;
            for (JsonNode file : files) {
                String path = file.path("path").asText();
                listed.add(path);
                checked++;
                checkFile(zip, path, file.path("size").asLong(-1), file.path("sha256").asText(), problems);
            }
            zip.stream().map(ZipEntry::getName).filter(name -> !listed.contains(name))
                    .forEach(name -> problems.add(new Problem(name, "is in the ZIP but not listed in manifest.json")));

            Collection<X509Certificate> anchors = anchors(zip, trustRoots, notes, problems);
            String signer = "unknown";
            Optional<java.time.Instant> time = Optional.empty();
            if (signature != null) {
                ManifestSignatureVerifier.Result result = ManifestSignatureVerifier.verify(manifest, signature, anchors);
                signer = result.signer();
                time = result.timestamp();
                result.problems().forEach(p -> problems.add(new Problem(BundleLayout.SIGNATURE, p)));
                if (time.isEmpty()) {
                    notes.add("the signature carries no RFC 3161 timestamp (no timestamp authority was configured)");
                }
            }
            int natives = 0;
            C2paReader reader = anchors.isEmpty() ? C2paReader.create() : C2paReader.trusting(anchors);
            for (JsonNode file : files) {
                String path = file.path("path").asText();
                if (BundleLayout.isNative(path) && zip.getEntry(path) != null) {
                    natives++;
                    try (InputStream in = zip.getInputStream(zip.getEntry(path))) {
                        reader.read(in.readAllBytes());
                    } catch (C2paVerificationException e) {
                        problems.add(new Problem(path, "C2PA manifest does not verify (" + e.failure() + "): " + e.getMessage()));
                    } catch (ZipException e) {
                        problems.add(new Problem(path, "cannot be read from the ZIP: " + e.getMessage()));
                    }
                }
            }
            long auditEntries = audit(zip, auditKey, notes, problems);
            return new Report(checked, natives, auditEntries, signer, time, notes, problems);
        }
    }

    private static void checkFile(ZipFile zip, String path, long size, String sha256, List<Problem> problems) {
        ZipEntry entry = zip.getEntry(path);
        if (entry == null) {
            problems.add(new Problem(path, "is listed in manifest.json but missing from the ZIP"));
            return;
        }
        DigestingOutputStream digest = new DigestingOutputStream(OutputStream.nullOutputStream());
        try (InputStream in = zip.getInputStream(entry)) {
            in.transferTo(digest);
        } catch (IOException e) {
            problems.add(new Problem(path, "cannot be read from the ZIP (" + e.getMessage() + ")"));
            return;
        }
        EntryDigest actual = digest.digest(path);
        if (actual.size() != size) {
            problems.add(new Problem(path, "has " + actual.size() + " bytes, manifest.json says " + size));
        } else if (!actual.sha256().equals(sha256)) {
            problems.add(new Problem(path, "SHA-256 " + actual.sha256() + " differs from manifest.json's " + sha256
                    + ": the file was changed"));
        }
    }

    private static Collection<X509Certificate> anchors(ZipFile zip, List<X509Certificate> trustRoots, List<String> notes,
                                                       List<Problem> problems) throws IOException {
        if (!trustRoots.isEmpty()) {
            return trustRoots;
        }
        byte[] pem = read(zip, BundleLayout.TRUST_ROOT, problems);
        if (pem == null) {
            return List.of();
        }
        notes.add("trusting the root certificate carried in the bundle (" + BundleLayout.TRUST_ROOT
                + "); pass --trust root.pem to check against one obtained separately");
        try {
            return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                    .map(c -> (X509Certificate) c).toList();
        } catch (CertificateException e) {
            problems.add(new Problem(BundleLayout.TRUST_ROOT, "is not a certificate: " + e.getMessage()));
            return List.of();
        }
    }

    private static long audit(ZipFile zip, Optional<CheckpointKey> auditKey, List<String> notes, List<Problem> problems)
            throws IOException {
        if (zip.getEntry(BundleLayout.AUDIT_ENTRIES) == null) {
            problems.add(new Problem(BundleLayout.AUDIT_ENTRIES, "missing: the bundle carries no audit evidence"));
            return 0;
        }
        CheckpointKey key;
        if (auditKey.isPresent()) {
            key = auditKey.get();
        } else {
            byte[] pem = read(zip, BundleLayout.AUDIT_KEY, problems);
            if (pem == null) {
                return 0;
            }
            try {
                key = CheckpointKey.fromPem(new String(pem, StandardCharsets.US_ASCII));
            } catch (AuditFormatException e) {
                problems.add(new Problem(BundleLayout.AUDIT_KEY, e.getMessage()));
                return 0;
            }
            notes.add("trusting the audit key carried in the bundle (" + BundleLayout.AUDIT_KEY
                    + "); pass --audit-key key.pem to check against one obtained separately");
        }
        byte[] checkpoint = read(zip, BundleLayout.AUDIT_CHECKPOINT, problems);
        if (checkpoint == null) {
            return 0;
        }
        try (BufferedReader entries = reader(zip, BundleLayout.AUDIT_ENTRIES);
             BufferedReader proofs = reader(zip, BundleLayout.AUDIT_PROOFS)) {
            TenantExportVerifier.Report report = TenantExportVerifier.verify(entries, proofs,
                    new String(checkpoint, StandardCharsets.UTF_8), key);
            if (!report.signatureValid()) {
                problems.add(new Problem(BundleLayout.AUDIT_CHECKPOINT, "the checkpoint's signature does not verify"));
            }
            report.failedEntries().forEach((seq, why) -> problems.add(new Problem(BundleLayout.AUDIT_ENTRIES,
                    "audit entry " + seq + ": " + why)));
            report.problems().stream().filter(p -> !p.startsWith("the checkpoint's signature"))
                    .forEach(p -> problems.add(new Problem(BundleLayout.AUDIT_ENTRIES, p)));
            return report.entries();
        }
    }

    private static BufferedReader reader(ZipFile zip, String path) throws IOException {
        ZipEntry entry = zip.getEntry(path);
        InputStream in = entry == null ? InputStream.nullInputStream() : zip.getInputStream(entry);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static byte[] read(ZipFile zip, String path, List<Problem> problems) {
        ZipEntry entry = zip.getEntry(path);
        if (entry == null) {
            problems.add(new Problem(path, "missing from the bundle"));
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            problems.add(new Problem(path, "cannot be read from the ZIP (" + e.getMessage() + ")"));
            return null;
        }
    }
}
