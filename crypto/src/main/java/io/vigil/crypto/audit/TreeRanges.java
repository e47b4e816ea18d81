package io.vigil.crypto.audit;

import java.util.ArrayList;
import java.util.List;

/** Arithmetic of RFC 9162 trees over leaf ranges {@code [from, to)}. */
final class TreeRanges {

    private TreeRanges() {
    }

    /** The largest power of two strictly below {@code n} (n >= 2): RFC 9162's split point k. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The perfect subtrees whose fold is the hash of the RFC 9162 subtree over {@code [from, to)}, largest (leftmost)
     * first. Every subtree the RFC's algorithms name starts at a multiple of its largest perfect part, so each part
     * is an aligned, stored node.
     */
    static List<NodeAddress> perfectSubtrees(long from, long to) {
        List<NodeAddress> parts = new ArrayList<>(4);
        long start = from;
        while (start < to) {
            long width = Long.highestOneBit(to - start);
            if (start % width != 0) {
                throw new IllegalStateException("Range [" + from + ", " + to + ") is not an RFC 9162 subtree");
            }
            parts.add(new NodeAddress(Long.numberOfTrailingZeros(width), start / width));
            start += width;
        }
        return parts;
    }

    /** Folds the hashes of {@link #perfectSubtrees} parts into the subtree's hash: right to left. */
    static byte[] fold(TreeHasher hasher, List<byte[]> parts) {
        byte[] hash = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = hasher.node(parts.get(i), hash);
        }
        return hash;
    }
}
