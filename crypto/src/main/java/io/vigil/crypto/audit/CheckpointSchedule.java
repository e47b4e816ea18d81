package io.vigil.crypto.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the log signs its next checkpoint: after {@code maxEntries} new entries or once {@code maxInterval} has
 * passed since the last checkpoint, whichever comes first, and only if something was appended (a checkpoint on
 * demand is always allowed). The interval bounds how long an entry stays unsigned, and with it the window in which
 * a database administrator could rewrite recent entries unnoticed.
 */
public record CheckpointSchedule(long maxEntries, Duration maxInterval) {

    public CheckpointSchedule {
        Objects.requireNonNull(maxInterval, "maxInterval");
        if (maxEntries < 1 || maxInterval.isNegative() || maxInterval.isZero()) {
            throw new IllegalArgumentException("A checkpoint schedule needs maxEntries >= 1 and a positive interval");
        }
    }

    /** Whether a checkpoint is due for a log of {@code size}, whose last checkpoint had {@code lastSize} at {@code lastAt}. */
    public boolean isDue(long size, long lastSize, Instant lastAt, Instant now) {
        if (size <= lastSize) {
            return false;
        }
        return size - lastSize >= maxEntries || lastAt == null || !now.isBefore(lastAt.plus(maxInterval));
    }
}
