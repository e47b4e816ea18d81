package io.vigil.crypto.blob;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a blob: slash-separated segments of letters, digits, {@code .}, {@code _} and {@code -}, e.g.
 * {@code acme/2025/06/session-42/caller.vgrc}. The restriction makes path traversal ({@code ..}, absolute
 * paths) impossible by construction, whatever the store maps names to.
 */
public record BlobId(String value) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final int MAX_LENGTH = 512;

    public BlobId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Blob id must be 1 to " + MAX_LENGTH + " characters");
        }
        for (String segment : value.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.chars().allMatch(c -> c == '.')) {
                throw new IllegalArgumentException("Blob id '" + value + "' has an invalid segment '" + segment
                        + "': use letters, digits, '.', '_' or '-', not starting with '.'");
            }
        }
    }

    public static BlobId of(String value) {
        return new BlobId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
