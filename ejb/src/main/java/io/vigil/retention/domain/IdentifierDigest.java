package io.vigil.retention.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a deletion certificate says about the identifiers it covers without naming them: each identifier is hashed
 * ({@link #hash}: SHA-256 of {@code <type>:<id>} in UTF-8), and the set of hashes is summarised as their sum modulo
 * 2^256 ({@link #add}). The sum does not depend on order, so a sweep that resumes after a crash adds the rest of
 * its batches to what it had; a verifier recomputes it from the listed hashes. 32 bytes, big-endian.
 */
public final class IdentifierDigest {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private IdentifierDigest() {
    }

    public static byte[] empty() {
        return new byte[32];
    }

    public static byte[] hash(String type, String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((type + ":" + id).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** {@code digest + hash mod 2^256}. */
    public static byte[] add(byte[] digest, byte[] hash) {
        BigInteger sum = new BigInteger(1, digest).add(new BigInteger(1, hash)).mod(MODULUS);
        byte[] raw = sum.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
