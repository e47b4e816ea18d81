package io.vigil.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised the way docs/benchmarks.md reports them. */
final class Percentiles {

    private final long[] sortedNanos;

    Percentiles(long[] nanos) {
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    double millis(double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    String row(String name) {
        return String.format("| %-44s | %5d | %8.1f | %8.1f | %8.1f | %8.1f |", name, sortedNanos.length,
                millis(50), millis(95), millis(99), sortedNanos[sortedNanos.length - 1] / 1e6);
    }

    static String header() {
        return "| measurement                                  |     n | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |\n"
             + "|----------------------------------------------|-------|----------|----------|----------|----------|";
    }
}
