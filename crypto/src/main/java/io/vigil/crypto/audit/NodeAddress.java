package io.vigil.crypto.audit;

/**
 * Where a perfect subtree sits: at {@code level} (0 = a leaf) it is the {@code index}-th subtree of
 * {@code 2^level} leaves, covering leaves {@code [index * 2^level, (index + 1) * 2^level)}.
 */
public record NodeAddress(int level, long index) {

    public NodeAddress {
        if (level < 0 || level > 62) {
            throw new IllegalArgumentException("Tree level must be 0..62, got " + level);
        }
        if (index < 0 || index > (Long.MAX_VALUE >> level)) {
            throw new IllegalArgumentException("Node index " + index + " is out of range at level " + level);
        }
    }

    /** The first leaf this subtree covers. */
    public long firstLeaf() {
        return index << level;
    }
}
