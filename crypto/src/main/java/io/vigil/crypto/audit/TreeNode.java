package io.vigil.crypto.audit;

import java.util.Objects;

/** The hash of the perfect subtree at {@code address}; a leaf hash at level 0. */
public record TreeNode(NodeAddress address, byte[] hash) {

    public TreeNode {
        Objects.requireNonNull(address, "address");
        if (hash == null || hash.length != TreeHasher.HASH_BYTES) {
            throw new IllegalArgumentException("A tree node holds a 32-byte SHA-256 hash");
        }
    }

    public TreeNode(int level, long index, byte[] hash) {
        this(new NodeAddress(level, index), hash);
    }
}
