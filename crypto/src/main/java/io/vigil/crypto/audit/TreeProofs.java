package io.vigil.crypto.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Builds proofs from the stored node hashes of an {@link AuditTreeStore}, for any tree size up to the store's
 * leaf count. It follows RFC 9162's recursive definitions (PATH in 2.1.3.1, PROOF/SUBPROOF in 2.1.4.1), walking
 * them as loops over leaf ranges; each range's hash is a fold of at most log2(n) stored perfect subtrees, all
 * fetched in one {@link AuditTreeStore#get} call per proof. Not thread-safe (one hasher); cheap to create.
 */
public final class TreeProofs {

    private record Range(long from, long to) {
    }

    private final AuditTreeStore store;
    private final TreeHasher hasher = TreeHasher.create();

    private TreeProofs(AuditTreeStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public static TreeProofs over(AuditTreeStore store) {
        return new TreeProofs(store);
    }

    /** The root of the tree of the first {@code treeSize} leaves. */
    public byte[] root(long treeSize) {
        requireStored(treeSize);
        if (treeSize == 0) {
            return hasher.emptyRoot();
        }
        return hashes(List.of(new Range(0, treeSize))).get(0);
    }

    /** The inclusion proof of leaf {@code leafIndex} in the tree of {@code treeSize} leaves. */
    public InclusionProof inclusion(long leafIndex, long treeSize) {
        requireStored(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("Leaf " + leafIndex + " is not in a tree of " + treeSize + " entries");
        }
        List<Range> siblings = new ArrayList<>();
        long from = 0;
        long to = treeSize;
        while (to - from > 1) {
            long k = TreeRanges.split(to - from);
            if (leafIndex < from + k) {
                siblings.add(new Range(from + k, to));
                to = from + k;
            } else {
                siblings.add(new Range(from, from + k));
                from += k;
            }
        }
        Collections.reverse(siblings);
        return new InclusionProof(leafIndex, treeSize, hashes(siblings));
    }

    /**
     * The consistency proof between the trees of {@code firstSize} and {@code secondSize} leaves; empty when
     * {@code firstSize} is 0 or equal to {@code secondSize} (nothing to prove beyond comparing roots).
     */
    public ConsistencyProof consistency(long firstSize, long secondSize) {
        requireStored(secondSize);
        if (firstSize < 0 || firstSize > secondSize) {
            throw new IllegalArgumentException("Consistency needs 0 <= first <= second, got " + firstSize + " and " + secondSize);
        }
        List<Range> path = new ArrayList<>();
        if (firstSize > 0 && firstSize < secondSize) {
            long from = 0;
            long to = secondSize;
            long m = firstSize;
            boolean whole = true;
            while (m != to - from) {
                long k = TreeRanges.split(to - from);
                if (m <= k) {
                    path.add(new Range(from + k, to));
                    to = from + k;
                } else {
                    path.add(new Range(from, from + k));
                    from += k;
                    m -= k;
                    whole = false;
                }
            }
            if (!whole) {
                path.add(new Range(from, to));
            }
            Collections.reverse(path);
        }
        return new ConsistencyProof(firstSize, secondSize, hashes(path));
    }

    private void requireStored(long treeSize) {
        long stored = store.leafCount();
        if (treeSize < 0 || treeSize > stored) {
            throw new IllegalArgumentException("Tree size " + treeSize + " is beyond the " + stored + " stored entries");
        }
    }

    private List<byte[]> hashes(List<Range> ranges) {
        List<List<NodeAddress>> parts = new ArrayList<>(ranges.size());
        List<NodeAddress> all = new ArrayList<>();
        for (Range range : ranges) {
            List<NodeAddress> rangeParts = TreeRanges.perfectSubtrees(range.from(), range.to());
            parts.add(rangeParts);
            all.addAll(rangeParts);
        }
        List<byte[]> fetched = store.get(all);
        List<byte[]> result = new ArrayList<>(ranges.size());
        int next = 0;
        for (List<NodeAddress> rangeParts : parts) {
            result.add(TreeRanges.fold(hasher, fetched.subList(next, next + rangeParts.size())));
            next += rangeParts.size();
        }
        return result;
    }
}
