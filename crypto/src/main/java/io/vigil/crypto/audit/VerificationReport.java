package io.vigil.crypto.audit;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The verifier's verdict on an export: one {@link CheckpointResult} per checkpoint, the entries found altered
 * (by leaf index, with what is wrong), problems that cannot be pinned to one entry (ranges, missing entries), and
 * remarks that are not failures (entries appended after the last checkpoint).
 */
public record VerificationReport(long entryCount, List<CheckpointResult> checkpoints,
                                 SortedMap<Long, String> alteredEntries, List<String> problems, List<String> remarks) {

    public VerificationReport {
        checkpoints = List.copyOf(checkpoints);
        alteredEntries = Collections.unmodifiableSortedMap(new TreeMap<>(alteredEntries));
        problems = List.copyOf(problems);
        remarks = List.copyOf(remarks);
    }

    /** True only if there is at least one checkpoint, every checkpoint holds and nothing was found altered. */
    public boolean intact() {
        return !checkpoints.isEmpty() && checkpoints.stream().allMatch(CheckpointResult::holds)
                && alteredEntries.isEmpty() && problems.isEmpty();
    }
}
