package io.vigil.crypto.audit;

import java.util.List;

/**
 * RFC 9162 section 2.1.3 inclusion proof: the audit path from leaf {@code leafIndex} to the root of the tree of
 * {@code treeSize} leaves, nearest sibling first. Check it with {@link ProofVerifier#verifyInclusion}.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

    public InclusionProof {
        path = List.copyOf(path);
    }
}
