package io.vigil.crypto.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A tree head: the log's {@code origin}, its size and its RFC 9162 root hash. The body of a checkpoint note is,
 * as in C2SP tlog-checkpoint, three lines each ending in {@code \n}:
 *
 * <pre>
 * &lt;origin&gt;                      e.g. vigil.example.com/audit
 * &lt;size&gt;                        decimal, no sign, no leading zeros
 * &lt;base64 root hash&gt;            standard alphabet with padding, 44 characters
 * </pre>
 *
 * The origin is a non-blank line without control characters; Vigil writes no extension
 * lines and refuses a body that has any.
 */
public record Checkpoint(String origin, long size, byte[] root) {

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.isBlank() || origin.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException("A checkpoint origin is a non-blank line of text without control characters");
        }
        if (size < 0) {
            throw new IllegalArgumentException("A tree size is never negative, got " + size);
        }
        if (root == null || root.length != TreeHasher.HASH_BYTES) {
            throw new IllegalArgumentException("A root hash is 32 bytes of SHA-256");
        }
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The note body that gets signed (UTF-8 of this text). */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** Reads a checkpoint body; the exact inverse of {@link #body()}. */
    public static Checkpoint parse(String body) throws AuditFormatException {
        if (!body.endsWith("\n")) {
            throw new AuditFormatException("A checkpoint body ends with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length != 3) {
            throw new AuditFormatException("A checkpoint body has exactly three lines (origin, size, root hash), found " + lines.length);
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new AuditFormatException("Checkpoint size '" + lines[1] + "' is not a decimal number without leading zeros");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new AuditFormatException("Checkpoint root hash '" + lines[2] + "' is not base64", e);
        }
        if (root.length != TreeHasher.HASH_BYTES || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw new AuditFormatException("Checkpoint root hash '" + lines[2] + "' is not the base64 of 32 bytes");
        }
        try {
            Checkpoint checkpoint = new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
            if (!checkpoint.body().equals(body)) {
                throw new AuditFormatException("Checkpoint body is not in canonical form");
            }
            return checkpoint;
        } catch (IllegalArgumentException e) {
            throw new AuditFormatException(e.getMessage(), e);
        }
    }

    /** The body's bytes, as signed. */
    byte[] bodyBytes() {
        return body().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && c.origin.equals(origin) && c.size == size
                && Arrays.equals(c.root, root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(root));
    }

    @Override
    public String toString() {
        return origin + " size " + size + " root " + Base64.getEncoder().encodeToString(root);
    }
}
