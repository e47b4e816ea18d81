package io.vigil.crypto.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An {@link AuditTreeStore} in the heap: one growable byte array per level, 32 bytes per node, so a tree of
 * {@code n} leaves takes about {@code 64 n} bytes (up to 33 million leaves). Thread-safe.
 */
public final class InMemoryAuditTreeStore implements AuditTreeStore {

    private static final int MAX_BYTES = 1 << 30;
    private static final int LEVELS = 63;

    private final byte[][] levels = new byte[LEVELS][];
    private final long[] counts = new long[LEVELS];

    @Override
    public synchronized long leafCount() {
        return counts[0];
    }

    @Override
    public synchronized void put(List<TreeNode> nodes) {
        for (TreeNode node : nodes) {
            NodeAddress address = node.address();
            if (address.index() != counts[address.level()]) {
                throw new IllegalArgumentException("Nodes are appended in order: expected index " + counts[address.level()]
                        + " at level " + address.level() + ", got " + address.index());
            }
            if ((address.index() + 1) * TreeHasher.HASH_BYTES > MAX_BYTES) {
                throw new IllegalStateException("The in-memory audit tree is full at level " + address.level());
            }
        }
        for (TreeNode node : nodes) {
            int level = node.address().level();
            int offset = (int) (counts[level] * TreeHasher.HASH_BYTES);
            byte[] hashes = levels[level];
            if (hashes == null) {
                hashes = new byte[TreeHasher.HASH_BYTES * 1024];
            } else if (offset + TreeHasher.HASH_BYTES > hashes.length) {
                hashes = Arrays.copyOf(hashes, (int) Math.min((long) hashes.length * 2, MAX_BYTES));
            }
            levels[level] = hashes;
            System.arraycopy(node.hash(), 0, hashes, offset, TreeHasher.HASH_BYTES);
            counts[level]++;
        }
    }

    @Override
    public synchronized List<byte[]> get(List<NodeAddress> addresses) {
        List<byte[]> result = new ArrayList<>(addresses.size());
        for (NodeAddress address : addresses) {
            if (address.level() >= LEVELS || address.index() >= counts[address.level()]) {
                throw new IllegalStateException("The audit tree has no node " + address);
            }
            int offset = (int) (address.index() * TreeHasher.HASH_BYTES);
            result.add(Arrays.copyOfRange(levels[address.level()], offset, offset + TreeHasher.HASH_BYTES));
        }
        return result;
    }
}
