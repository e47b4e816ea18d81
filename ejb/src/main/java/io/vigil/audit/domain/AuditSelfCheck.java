package io.vigil.audit.domain;

import io.vigil.crypto.audit.AuditTreeStore;
import io.vigil.crypto.audit.CheckpointKey;
import io.vigil.crypto.audit.ProofVerifier;
import io.vigil.crypto.audit.SignedCheckpoint;
import io.vigil.crypto.audit.TreeHasher;
import io.vigil.crypto.audit.TreeProofs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The console's "verify now": checks the newest signed checkpoint against the stored tree. Its signature; that the
 * stored tree's root at its size is the signed root; an RFC 9162 consistency proof from the previous checkpoint,
 * verified against both signed roots (the log was only appended to between them); and one sample entry: its
 * content re-hashed equals its stored leaf hash, and its inclusion proof leads to the signed root. It is a spot
 * check of the live database; the complete check is the offline verifier on an export.
 */
public final class AuditSelfCheck {

    /** What the check found, one line per step, and whether every step passed. */
    public record Result(boolean passed, List<String> findings) {
    }

    private AuditSelfCheck() {
    }

    public static Result run(AuditTreeStore store, CheckpointKey key, StoredCheckpoint latest, StoredCheckpoint previous,
                             StoredEntry sample) {
        List<String> findings = new ArrayList<>();
        boolean passed = true;
        TreeProofs proofs = TreeProofs.over(store);
        ProofVerifier verifier = ProofVerifier.create();
        SignedCheckpoint signed = latest.signed();
        boolean signatureOk = signed.verifiedBy(key);
        passed &= step(findings, signatureOk, "checkpoint " + latest.size() + ": signature by key " + key.keyIdHex());
        byte[] signedRoot = signed.checkpoint().root();
        passed &= step(findings, Arrays.equals(proofs.root(latest.size()), signedRoot),
                "checkpoint " + latest.size() + ": the stored tree's root is the signed root");
        if (previous == null) {
            findings.add("consistency: not checked, this is the first checkpoint");
        } else {
            SignedCheckpoint before = previous.signed();
            boolean consistent = before.verifiedBy(key) && verifier.verifyConsistency(
                    proofs.consistency(previous.size(), latest.size()), before.checkpoint().root(), signedRoot);
            passed &= step(findings, consistent, "consistency: checkpoint " + previous.size() + " is a prefix of checkpoint "
                    + latest.size());
        }
        if (sample == null || sample.entry().seq() >= latest.size()) {
            findings.add("inclusion: not checked, no entry of yours is covered by this checkpoint yet");
        } else {
            long seq = sample.entry().seq();
            byte[] leaf = TreeHasher.create().leaf(sample.entry().canonicalBytes());
            passed &= step(findings, Arrays.equals(leaf, sample.leafHash()), "entry " + seq + ": its content hashes to its stored leaf hash");
            passed &= step(findings, verifier.verifyInclusion(proofs.inclusion(seq, latest.size()), leaf, signedRoot),
                    "entry " + seq + ": its inclusion proof leads to the signed root");
        }
        return new Result(passed, List.copyOf(findings));
    }

    private static boolean step(List<String> findings, boolean ok, String what) {
        findings.add((ok ? "OK  " : "FAILED  ") + what);
        return ok;
    }
}
