package io.vigil.audit.cli;

import io.vigil.audit.domain.AuditExportWriter;
import io.vigil.audit.domain.TenantExportVerifier;
import io.vigil.crypto.audit.AuditFormatException;
import io.vigil.crypto.audit.CheckpointKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Verifies a tenant export (the API's {@code GET /api/v1/audit/export}, unzipped) offline:
 *
 * <pre>
 * java -cp ... io.vigil.audit.cli.TenantExportVerifyCli DIR [public-key.pem]
 * </pre>
 *
 * The key defaults to {@code DIR/audit-key.pem}; pass the one obtained from Vigil separately to trust the result.
 * Exit status: 0 intact, 1 an entry or the checkpoint fails (named), 2 unusable input.
 */
public final class TenantExportVerifyCli {

    private TenantExportVerifyCli() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: TenantExportVerifyCli <export dir> [public-key.pem]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path keyFile = args.length == 2 ? Path.of(args[1]) : dir.resolve(AuditExportWriter.KEY);
        TenantExportVerifier.Report report;
        CheckpointKey key;
        try (BufferedReader entries = Files.newBufferedReader(dir.resolve(AuditExportWriter.ENTRIES), StandardCharsets.UTF_8);
             BufferedReader proofs = Files.newBufferedReader(dir.resolve(AuditExportWriter.PROOFS), StandardCharsets.US_ASCII)) {
            key = CheckpointKey.fromPem(Files.readString(keyFile, StandardCharsets.US_ASCII));
            report = TenantExportVerifier.verify(entries, proofs,
                    Files.readString(dir.resolve(AuditExportWriter.CHECKPOINT), StandardCharsets.UTF_8), key);
        } catch (IOException | AuditFormatException e) {
            System.err.println("cannot read the export in " + dir + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("tenant export: " + report.entries() + " entries, checkpoint size " + report.treeSize()
                + ", key id " + key.keyIdHex() + ", signature " + (report.signatureValid() ? "ok" : "BAD"));
        for (Map.Entry<Long, String> failed : report.failedEntries().entrySet()) {
            System.out.println("FAILED entry " + failed.getKey() + ": " + failed.getValue());
        }
        report.problems().forEach(p -> System.out.println("PROBLEM: " + p));
        System.out.println(report.intact() ? "RESULT: intact" : "RESULT: TAMPERED");
        System.exit(report.intact() ? 0 : 1);
    }
}
