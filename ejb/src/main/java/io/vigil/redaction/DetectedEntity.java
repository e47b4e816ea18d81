package io.vigil.redaction;

import java.util.Objects;

/**
 * One finding in ORIGINAL text coordinates ({@code end} exclusive).
 *
 * <p>{@code canonicalValue} is the normalised value (for example the digits of a spoken card number); the keyed-hash
 * operator hashes it so that "four one one one ..." and "4111 ..." give the same token. It is deliberately left out of
 * {@link #toString()} so that logging a finding never leaks the value it protects.
 */
public record DetectedEntity(EntityType type, int start, int end, double score, String recognizer, String reason,
                             String canonicalValue) {

    public DetectedEntity {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(DetectedEntity other) {
        return start < other.end && other.start < end;
    }

    @Override
    public String toString() {
        return type + "[" + start + "," + end + ") score=" + score + " by " + recognizer + " (" + reason + ")";
    }
}
