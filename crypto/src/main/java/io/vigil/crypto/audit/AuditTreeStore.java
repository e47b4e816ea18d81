package io.vigil.crypto.audit;

import java.util.List;

/**
 * Storage of the audit tree's hashes: every leaf hash (level 0) and every complete perfect subtree above it,
 * addressed by {@link NodeAddress (level, index)}. A node is written once, when the append that completes it
 * happens, and never changes; with these nodes any root, inclusion proof or consistency proof of any size up to
 * {@link #leafCount()} is a fold over at most two {@code log2(n)} stored hashes, with no re-hashing of leaves.
 *
 * <p>The PostgreSQL implementation keeps level 0 in {@code audit_entry.leaf_hash} (written with the entry, in the
 * same transaction) and levels 1 and up in {@code audit_node}. {@link InMemoryAuditTreeStore} is for tests, the
 * verifier and benchmarks.
 *
 * <p>Callers serialise {@link #put} (one writer); {@link #get} may run concurrently with it.
 */
public interface AuditTreeStore {

    /** How many leaves are stored: the largest tree size this store can prove. */
    long leafCount();

    /**
     * Stores what one append produced: the new leaf {@code (0, n)} and each perfect subtree it completed, lowest
     * first. All or nothing: after a failure, {@link #leafCount()} is unchanged.
     */
    void put(List<TreeNode> nodes);

    /**
     * The hashes at {@code addresses}, in the same order, in one round trip. Every address must be stored;
     * a missing one is an {@link IllegalStateException} (the tree is incomplete, never a normal outcome).
     */
    List<byte[]> get(List<NodeAddress> addresses);
}
