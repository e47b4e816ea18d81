package io.vigil.crypto.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 (section 2.1.1) hashing with SHA-256: a leaf is {@code SHA-256(0x00 || entry)}, an inner node
 * {@code SHA-256(0x01 || left || right)}, the empty tree {@code SHA-256()}. The prefixes keep a leaf from ever
 * being passed off as an inner node (second-preimage attacks on the tree).
 *
 * <p>Not thread-safe (it reuses one digest); give each thread its own.
 */
public final class TreeHasher {

    /** Bytes of every hash in the tree. */
    public static final int HASH_BYTES = 32;

    private final MessageDigest digest;

    private TreeHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    public static TreeHasher create() {
        return new TreeHasher();
    }

    /** The root of the tree with no leaves. */
    public byte[] emptyRoot() {
        return digest.digest();
    }

    public byte[] leaf(byte[] entry) {
        digest.update((byte) 0x00);
        return digest.digest(entry);
    }

    public byte[] node(byte[] left, byte[] right) {
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }
}
