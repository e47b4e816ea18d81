package io.vigil.crypto.audit;

import java.util.List;

/**
 * RFC 9162 section 2.1.4 consistency proof: the hashes showing that the tree of {@code firstSize} leaves is a
 * prefix of the tree of {@code secondSize} leaves. Check it with {@link ProofVerifier#verifyConsistency}.
 */
public record ConsistencyProof(long firstSize, long secondSize, List<byte[]> path) {

    public ConsistencyProof {
        path = List.copyOf(path);
    }
}
