package io.vigil.crypto.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks proofs exactly as RFC 9162 sections 2.1.3.2 (inclusion) and 2.1.4.2 (consistency) describe, with no
 * access to the tree: only the proof, the sizes and the hashes the caller trusts (from signed checkpoints).
 * Not thread-safe (one hasher).
 */
public final class ProofVerifier {

    private final TreeHasher hasher = TreeHasher.create();

    public static ProofVerifier create() {
        return new ProofVerifier();
    }

    /** Whether {@code proof} shows the leaf with hash {@code leafHash} at its index in the tree with {@code root}. */
    public boolean verifyInclusion(InclusionProof proof, byte[] leafHash, byte[] root) {
        if (proof.leafIndex() < 0 || proof.leafIndex() >= proof.treeSize()) {
            return false;
        }
        long fn = proof.leafIndex();
        long sn = proof.treeSize() - 1;
        byte[] r = leafHash;
        for (byte[] p : proof.path()) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hasher.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = hasher.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} shows the tree with {@code firstRoot} to be a prefix of the tree with
     * {@code secondRoot}. Equal sizes need an empty proof and equal roots; the empty tree (size 0, root
     * SHA-256 of nothing) is a prefix of every tree.
     */
    public boolean verifyConsistency(ConsistencyProof proof, byte[] firstRoot, byte[] secondRoot) {
        long first = proof.firstSize();
        long second = proof.secondSize();
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.path().isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.path().isEmpty() && MessageDigest.isEqual(firstRoot, hasher.emptyRoot());
        }
        if (proof.path().isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.path().size() + 1);
        if (Long.bitCount(first) == 1) {
            path.add(firstRoot);
        }
        path.addAll(proof.path());
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hasher.node(c, fr);
                sr = hasher.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = hasher.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }
}
