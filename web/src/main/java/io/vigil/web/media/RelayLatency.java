package io.vigil.web.media;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The latency Vigil adds to relayed frames, on this node, as a histogram: 10 µs buckets up to 100 ms, and one for
 * anything slower. Recording is lock-free (one array increment), so it can sit on the audio path of every frame.
 * Inbound: a Twilio frame from its arrival to its audio handed to the upstream. Outbound: an upstream frame from its
 * arrival to its Twilio frames handed to the socket (the write completed).
 */
public final class RelayLatency {

    private static final int BUCKET_NANOS = 10_000;
    private static final int BUCKETS = 10_000;

    private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS + 1);
    private final LongAdder count = new LongAdder();
    private volatile long maxNanos;

    public void record(long nanos) {
        int b = (int) Math.min(BUCKETS, Math.max(0, nanos) / BUCKET_NANOS);
        buckets.incrementAndGet(b);
        count.increment();
        if (nanos > maxNanos) {
            maxNanos = nanos; // a racy maximum is good enough for a report
        }
    }

    public long count() {
        return count.sum();
    }

    /** The {@code p}-th percentile (0 < p <= 100) in microseconds, by the upper edge of its bucket; -1 if empty. */
    public long percentileMicros(double p) {
        long total = 0;
        long[] snapshot = new long[BUCKETS + 1];
        for (int i = 0; i <= BUCKETS; i++) {
            snapshot[i] = buckets.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(total * p / 100.0);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return i == BUCKETS ? maxNanos / 1_000 : (i + 1L) * BUCKET_NANOS / 1_000;
            }
        }
        return maxNanos / 1_000;
    }

    public long maxMicros() {
        return maxNanos / 1_000;
    }

    public void reset() {
        for (int i = 0; i <= BUCKETS; i++) {
            buckets.set(i, 0);
        }
        count.reset();
        maxNanos = 0;
    }
}
