package io.vigil.discovery.cli;

import io.vigil.crypto.audit.AuditFormatException;
import io.vigil.crypto.audit.CheckpointKey;
import io.vigil.discovery.domain.BundleVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * Verifies an eDiscovery bundle offline ({@code ./vigil export verify bundle.zip}):
 *
 * <pre>
 * java -cp ... io.vigil.discovery.cli.ExportVerifyCli bundle.zip [--trust root.pem] [--audit-key audit-key.pem]
 * </pre>
 *
 * Checks every file's size and SHA-256 against the manifest, the manifest's CMS signature, chain and timestamp, each
 * native's C2PA manifest, and the audit evidence; prints one line per problem, naming the file. Without
 * {@code --trust} and {@code --audit-key} it trusts the copies in the bundle and says so. Exit status: 0 intact,
 * 1 a problem (named), 2 unusable input.
 */
public final class ExportVerifyCli {

    private ExportVerifyCli() {
    }

    public static void main(String[] args) {
        Path bundle = null;
        List<X509Certificate> roots = List.of();
        Optional<CheckpointKey> auditKey = Optional.empty();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--trust" -> roots = certificates(Path.of(args[++i]));
                    case "--audit-key" -> auditKey = Optional.of(CheckpointKey.fromPem(Files.readString(Path.of(args[++i]),
                            StandardCharsets.US_ASCII)));
                    default -> {
                        if (bundle != null || args[i].startsWith("--")) {
                            usage("unexpected argument " + args[i]);
                        }
                        bundle = Path.of(args[i]);
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            usage("an option needs a file");
        } catch (IOException | CertificateException | AuditFormatException e) {
            fail("cannot read a trust file: " + e.getMessage());
        }
        if (bundle == null) {
            usage("name the bundle");
        }
        if (!Files.isRegularFile(bundle)) {
            fail("no file " + bundle);
        }
        if (bundle.getFileName().toString().endsWith(".p7m")) {
            fail(bundle + " is encrypted for its recipient: decrypt it first (openssl cms -decrypt -binary -inform DER -in "
                    + bundle.getFileName() + " -recip cert.pem -inkey key.pem -out bundle.zip)");
        }
        BundleVerifier.Report report;
        try {
            report = BundleVerifier.verify(bundle, roots, auditKey);
        } catch (ZipException e) {
            fail(bundle + " is not a readable ZIP file: " + e.getMessage());
            return;
        } catch (IOException e) {
            fail("cannot read " + bundle + ": " + e.getMessage());
            return;
        }
        System.out.println("bundle " + bundle.getFileName() + ": " + report.filesChecked() + " files, "
                + report.nativesChecked() + " C2PA natives, " + report.auditEntries() + " audit entries");
        System.out.println("signed by " + report.signer()
                + report.timestamp().map(t -> ", timestamped " + t).orElse(""));
        report.notes().forEach(n -> System.out.println("NOTE: " + n));
        report.problems().forEach(p -> System.out.println("FAILED " + p));
        System.out.println(report.intact() ? "RESULT: intact" : "RESULT: FAILED (" + report.problems().size() + " problems: the bundle is not as it was signed, or incomplete)");
        System.exit(report.intact() ? 0 : 1);
    }

    /** Every certificate in the PEM file (a root, or several). */
    private static List<X509Certificate> certificates(Path pem) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> (X509Certificate) c).toList();
            if (all.isEmpty()) {
                throw new CertificateException("no certificate in " + pem);
            }
            return all;
        }
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: ./vigil export verify bundle.zip [--trust root.pem] [--audit-key audit-key.pem]");
        System.exit(2);
    }

    private static void fail(String problem) {
        System.err.println(problem);
        System.exit(2);
    }
}
