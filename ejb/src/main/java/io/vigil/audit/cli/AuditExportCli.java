package io.vigil.audit.cli;

import io.vigil.audit.domain.AuditExportWriter;
import io.vigil.audit.domain.AuditRows;
import io.vigil.audit.domain.CheckpointKeys;
import io.vigil.audit.domain.JdbcAuditTreeStore;
import io.vigil.audit.domain.StoredCheckpoint;
import io.vigil.crypto.audit.Checkpoint;
import io.vigil.crypto.audit.SignedCheckpoint;
import io.vigil.crypto.audit.TreeProofs;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's full export of the audit log, straight from the database ({@code ./vigil audit export}):
 *
 * <pre>
 * VIGIL_DB_PASSWORD=... VIGIL_AUDIT_KEYSTORE_PASSWORD=... java -cp ... io.vigil.audit.cli.AuditExportCli \
 *     --jdbc jdbc:postgresql://127.0.0.1:15432/vigil --user vigil --out DIR [--keystore FILE] [--origin ORIGIN]
 * </pre>
 *
 * With the keystore it first signs a checkpoint of the current size (as Vigil's on-demand checkpoint does), so
 * every exported entry is covered, and writes the public key to {@code audit-key.pem}; without it the export ends
 * at the newest stored checkpoint's coverage and the key must come from Vigil. Writes {@code entries.jsonl} and
 * {@code checkpoints.txt} (docs/audit.md). Exit status 0 done, 2 bad arguments or unreachable database.
 */
public final class AuditExportCli {

    private AuditExportCli() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options == null || !options.containsKey("--jdbc") || !options.containsKey("--out")) {
            System.err.println("usage: AuditExportCli --jdbc URL [--user USER] --out DIR [--keystore FILE] [--origin ORIGIN]"
                    + " (passwords in VIGIL_DB_PASSWORD and VIGIL_AUDIT_KEYSTORE_PASSWORD)");
            System.exit(2);
        }
        Path out = Path.of(options.get("--out"));
        Files.createDirectories(out);
        String password = Optional.ofNullable(System.getenv("VIGIL_DB_PASSWORD")).orElse("");
        try (Connection c = DriverManager.getConnection(options.get("--jdbc"), options.getOrDefault("--user", "vigil"), password)) {
            c.setAutoCommit(false);
            AuditRows rows = new AuditRows(c);
            long size = new JdbcAuditTreeStore(c).leafCount();
            String keystore = options.get("--keystore");
            if (keystore != null) {
                String secret = Optional.ofNullable(System.getenv("VIGIL_AUDIT_KEYSTORE_PASSWORD")).orElseThrow(() ->
                        new IllegalArgumentException("set VIGIL_AUDIT_KEYSTORE_PASSWORD to open " + keystore));
                try (CheckpointKeys keys = CheckpointKeys.openOrCreate(Path.of(keystore), secret.toCharArray())) {
                    if (size > 0 && rows.latestCheckpoint().map(StoredCheckpoint::size).orElse(0L) < size) {
                        byte[] root = TreeProofs.over(new JdbcAuditTreeStore(c)).root(size);
                        rows.insert(SignedCheckpoint.sign(new Checkpoint(
                                options.getOrDefault("--origin", "vigil/audit"), size, root), keys.signer()));
                        c.commit();
                    }
                    Files.writeString(out.resolve(AuditExportWriter.KEY), keys.signer().key().toPem(), StandardCharsets.US_ASCII);
                }
            }
            long covered = rows.latestCheckpoint().map(StoredCheckpoint::size).orElse(0L);
            long written;
            try (OutputStream entries = new BufferedOutputStream(Files.newOutputStream(out.resolve(AuditExportWriter.ENTRIES)), 1 << 16)) {
                written = AuditExportWriter.writeEntries(rows, null, covered, entries);
            }
            Files.writeString(out.resolve(AuditExportWriter.CHECKPOINTS), AuditExportWriter.checkpointsFile(rows, covered),
                    StandardCharsets.UTF_8);
            c.commit();
            System.out.println("exported " + written + " entries (the log holds " + size + ") and the checkpoints up to size "
                    + covered + " to " + out);
        }
    }

    private static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            return null;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
