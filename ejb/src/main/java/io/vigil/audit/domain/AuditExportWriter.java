package io.vigil.audit.domain;

import io.vigil.crypto.audit.AuditExport;
import io.vigil.crypto.audit.CheckpointKey;
import io.vigil.crypto.audit.InclusionProof;
import io.vigil.crypto.audit.TreeProofs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes audit exports.
 *
 * <p><b>Full export</b> (the operator's, {@code ./vigil audit export}): the three files of {@link AuditExport}
 * ({@code entries.jsonl} from seq 0 without gaps, {@code checkpoints.txt}, {@code audit-key.pem}), checked by
 * {@code AuditVerifyCli}.
 *
 * <p><b>Tenant export</b> (the API's): a tenant may not see other tenants' entries, and the log is one tree for all,
 * so a tenant gets its own entries with an inclusion proof each against one signed checkpoint. A ZIP of
 * <ul>
 *   <li>{@code entries.jsonl}: the tenant's entries in seq order, each line exactly as in a full export;
 *   <li>{@code proofs.jsonl}: per entry, same order, {@code {"seq":N,"tree_size":M,"path":["<base64>",...]}}: the
 *       RFC 9162 inclusion proof of leaf N in the tree of M entries, nearest sibling first;
 *   <li>{@code checkpoint.txt}: the signed checkpoint of size M;
 *   <li>{@code audit-key.pem}: the public key (verify with one obtained separately).
 * </ul>
 * The proofs' sibling hashes reveal nothing about other tenants' entries. {@link TenantExportVerifier} checks it.
 */
public final class AuditExportWriter {

    public static final String ENTRIES = "entries.jsonl";
    public static final String CHECKPOINTS = "checkpoints.txt";
    public static final String PROOFS = "proofs.jsonl";
    public static final String CHECKPOINT = "checkpoint.txt";
    public static final String KEY = "audit-key.pem";

    private AuditExportWriter() {
    }

    /** Writes the export lines of the entries below {@code size} (all, or only {@code tenant}'s); returns how many. */
    public static long writeEntries(AuditRows rows, UUID tenant, long size, OutputStream out) throws IOException {
        return rows.stream(tenant, size, stored -> line(out, stored));
    }

    /** The checkpoints file of a full export: every stored checkpoint up to {@code size}. */
    public static String checkpointsFile(AuditRows rows, long size) {
        return AuditExport.checkpointsFile(rows.checkpointsUpTo(size).stream().map(StoredCheckpoint::signed).toList());
    }

    /** A tenant export against {@code checkpoint}; returns the number of entries. */
    public static long writeTenantZip(AuditRows rows, TreeProofs proofs, StoredCheckpoint checkpoint, CheckpointKey key,
                                      UUID tenant, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(ENTRIES));
        long[][] seqs = {new long[1024]};
        int[] count = {0};
        rows.stream(tenant, checkpoint.size(), stored -> {
            line(zip, stored);
            if (count[0] == seqs[0].length) {
                seqs[0] = Arrays.copyOf(seqs[0], count[0] * 2);
            }
            seqs[0][count[0]++] = stored.entry().seq();
        });
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(PROOFS));
        for (int i = 0; i < count[0]; i++) {
            zip.write(proofLine(proofs.inclusion(seqs[0][i], checkpoint.size())).getBytes(StandardCharsets.US_ASCII));
        }
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(CHECKPOINT));
        zip.write(checkpoint.note().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(KEY));
        zip.write(key.toPem().getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
        zip.finish();
        return count[0];
    }

    /** One line of {@code proofs.jsonl}, with its newline. */
    public static String proofLine(InclusionProof proof) {
        StringBuilder line = new StringBuilder(64 + 48 * proof.path().size())
                .append("{\"seq\":").append(proof.leafIndex()).append(",\"tree_size\":").append(proof.treeSize())
                .append(",\"path\":[");
        List<byte[]> path = proof.path();
        for (int i = 0; i < path.size(); i++) {
            line.append(i == 0 ? "\"" : ",\"").append(Base64.getEncoder().encodeToString(path.get(i))).append('"');
        }
        return line.append("]}\n").toString();
    }

    private static void line(OutputStream out, StoredEntry stored) throws IOException {
        out.write(AuditExport.line(stored.entry(), stored.leafHash()).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
