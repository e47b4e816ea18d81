package io.vigil.discovery.domain;

import java.time.Instant;
import java.util.UUID;

/** An export as the console and the API list it. */
public record ExportSummary(UUID id, String matter, String requestedBy, String requestedByName, Instant requestedAt,
                            ExportState state, int totalCalls, int stagedCalls, Long bundleSize, String bundleSha256,
                            boolean encrypted, String error, Instant finishedAt) {

    /** Percent done: calls are most of the work; the last percent is the load files, report and assembly. */
    public int percent() {
        if (state == ExportState.DONE || state == ExportState.EXPIRED) {
            return 100;
        }
        return totalCalls == 0 ? 0 : (int) Math.min(99, 99L * stagedCalls / totalCalls);
    }
}
