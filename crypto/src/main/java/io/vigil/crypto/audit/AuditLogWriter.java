package io.vigil.crypto.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appends entries to the audit tree. It keeps the frontier, the roots of the perfect subtrees along the tree's
 * right edge (one per set bit of the size), so an append hashes the leaf and then one node per subtree it
 * completes: O(log n) at worst, two hashes on average, and the root of the current size is a fold of the
 * frontier. Everything an append computes goes to the {@link AuditTreeStore} before the writer's state moves on,
 * so a failed store write leaves writer and store as they were.
 *
 * <p>One writer per log, and appends must be serialised (this class is synchronised; across servers the caller
 * holds a lock, e.g. the database row lock of the log). {@link #open} rebuilds the frontier from the store after
 * a restart.
 */
public final class AuditLogWriter {

    private final AuditTreeStore store;
    private final TreeHasher hasher = TreeHasher.create();
    private final byte[][] frontier = new byte[63][];
    private long size;

    private AuditLogWriter(AuditTreeStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** A writer continuing the tree held in {@code store} (an empty store starts an empty log). */
    public static AuditLogWriter open(AuditTreeStore store) {
        AuditLogWriter writer = new AuditLogWriter(store);
        long n = store.leafCount();
        List<NodeAddress> edge = TreeRanges.perfectSubtrees(0, n);
        List<byte[]> hashes = store.get(edge);
        for (int i = 0; i < edge.size(); i++) {
            writer.frontier[edge.get(i).level()] = hashes.get(i);
        }
        writer.size = n;
        return writer;
    }

    /**
     * Appends {@code entry}, whose {@code seq} must be the current size (the next leaf index), and returns its
     * leaf hash.
     */
    public synchronized byte[] append(AuditEntry entry) {
        if (entry.seq() != size) {
            throw new IllegalArgumentException("Entry seq " + entry.seq() + " is not the next leaf index " + size
                    + "; number entries with withSeq(writer.size()) while holding the append lock");
        }
        byte[] leaf = hasher.leaf(entry.canonicalBytes());
        appendLeafHash(leaf);
        return leaf;
    }

    /** Appends a leaf by its hash (rebuilding a tree from stored or exported leaf hashes). */
    public synchronized void appendLeafHash(byte[] leafHash) {
        List<TreeNode> nodes = new ArrayList<>(4);
        nodes.add(new TreeNode(0, size, leafHash));
        byte[] carry = leafHash;
        int level = 0;
        for (long index = size; (index & 1) == 1; index >>= 1) {
            carry = hasher.node(frontier[level], carry);
            level++;
            nodes.add(new TreeNode(level, index >> 1, carry));
        }
        store.put(nodes);
        for (int merged = 0; merged < level; merged++) {
            frontier[merged] = null;
        }
        frontier[level] = carry;
        size++;
    }

    /** The number of entries appended so far. */
    public synchronized long size() {
        return size;
    }

    /** The RFC 9162 root hash of the current tree. */
    public synchronized byte[] root() {
        if (size == 0) {
            return hasher.emptyRoot();
        }
        byte[] root = null;
        for (byte[] subtree : frontier) {
            if (subtree != null) {
                root = root == null ? subtree : hasher.node(subtree, root);
            }
        }
        return root;
    }

    /** The current size and root under {@code origin}, ready to sign. */
    public synchronized Checkpoint checkpoint(String origin) {
        return new Checkpoint(origin, size, root());
    }
}
