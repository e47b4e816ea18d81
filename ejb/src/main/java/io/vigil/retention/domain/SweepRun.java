package io.vigil.retention.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A retention sweep as the console and the API show it: its mode, state, progress per class, and outcome. */
public record SweepRun(UUID id, UUID tenantId, SweepMode mode, String state, Instant asOf, String startedBy,
                       Instant startedAt, Instant updatedAt, Instant finishedAt, String lastError,
                       List<SweepClassResult> classes, boolean certified) {

    public long artifacts() {
        return classes.stream().mapToLong(SweepClassResult::artifacts).sum();
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
