package io.vigil.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.crypto.audit.AuditExport;
import io.vigil.crypto.audit.AuditFormatException;
import io.vigil.crypto.audit.CheckpointKey;
import io.vigil.crypto.audit.ExportedEntry;
import io.vigil.crypto.audit.InclusionProof;
import io.vigil.crypto.audit.ProofVerifier;
import io.vigil.crypto.audit.SignedCheckpoint;
import io.vigil.crypto.audit.TreeHasher;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Verifies a tenant export ({@link AuditExportWriter}) offline, trusting only the public key: the checkpoint's
 * signature; then for every entry that its line is canonical, that its content hashes to a leaf whose inclusion
 * proof leads to the signed root, and that seq increases. An entry whose content was changed no longer hashes to a
 * leaf of the signed tree and is named by its seq.
 */
public final class TenantExportVerifier {

    /** The verdict: entries checked, the signed tree size, and every entry (by seq) or line that fails. */
    public record Report(long entries, long treeSize, boolean signatureValid, SortedMap<Long, String> failedEntries,
                         List<String> problems) {
        public boolean intact() {
            return signatureValid && failedEntries.isEmpty() && problems.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TenantExportVerifier() {
    }

    public static Report verify(BufferedReader entries, BufferedReader proofs, String checkpointNote, CheckpointKey key)
            throws IOException {
        SignedCheckpoint checkpoint;
        try {
            checkpoint = SignedCheckpoint.parse(checkpointNote);
        } catch (AuditFormatException e) {
            return new Report(0, -1, false, new TreeMap<>(), List.of("the checkpoint is not a signed note: " + e.getMessage()));
        }
        boolean signed = checkpoint.verifiedBy(key);
        long size = checkpoint.checkpoint().size();
        byte[] root = checkpoint.checkpoint().root();
        TreeHasher hasher = TreeHasher.create();
        ProofVerifier verifier = ProofVerifier.create();
        SortedMap<Long, String> failed = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (!signed) {
            problems.add("the checkpoint's signature does not verify with key " + key.keyIdHex());
        }
        long count = 0;
        long previous = -1;
        String entryLine;
        while ((entryLine = entries.readLine()) != null) {
            count++;
            String proofLine = proofs.readLine();
            ExportedEntry exported;
            try {
                exported = AuditExport.readLine(entryLine.getBytes(StandardCharsets.UTF_8));
            } catch (AuditFormatException e) {
                problems.add("entries line " + count + ": " + e.getMessage());
                continue;
            }
            long seq = exported.entry().seq();
            if (seq <= previous) {
                failed.put(seq, "out of order: seq " + seq + " follows " + previous);
            }
            previous = seq;
            if (proofLine == null) {
                failed.put(seq, "no inclusion proof");
                continue;
            }
            InclusionProof proof = proof(proofLine);
            if (proof == null || proof.leafIndex() != seq || proof.treeSize() != size) {
                failed.put(seq, "its inclusion proof is malformed or not for this entry and checkpoint");
                continue;
            }
            byte[] leaf = hasher.leaf(exported.canonicalEntry());
            if (!verifier.verifyInclusion(proof, leaf, root)) {
                failed.put(seq, java.util.Arrays.equals(leaf, exported.storedLeafHash())
                        ? "not in the signed tree (entry and stored leaf hash agree, the proof does not)"
                        : "ALTERED: its content no longer hashes to a leaf of the signed tree of size " + size);
            }
        }
        if (proofs.readLine() != null) {
            problems.add("proofs.jsonl has more lines than entries.jsonl: entries were removed");
        }
        return new Report(count, size, signed, failed, problems);
    }

    private static InclusionProof proof(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            List<byte[]> path = new ArrayList<>();
            for (JsonNode hash : node.get("path")) {
                path.add(Base64.getDecoder().decode(hash.asText()));
            }
            return new InclusionProof(node.get("seq").asLong(), node.get("tree_size").asLong(), path);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
