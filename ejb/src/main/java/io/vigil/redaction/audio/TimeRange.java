package io.vigil.redaction.audio;

/** A stretch of a recording in milliseconds, {@code endMs} exclusive. */
public record TimeRange(long startMs, long endMs) {

    public TimeRange {
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("bad time range " + startMs + ".." + endMs + " ms");
        }
    }
}
