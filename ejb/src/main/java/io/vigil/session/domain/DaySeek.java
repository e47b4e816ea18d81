package io.vigil.session.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where a deep page of the calls list starts: the UTC day that holds the first call of the page, and how many
 * calls come before that day in the list's order. The page query then skips only within that day.
 */
public record DaySeek(LocalDate day, long callsBefore) {

    /** Calls on one UTC day that match the list's filters. */
    public record DayCount(LocalDate day, long calls) { }

    /**
     * Finds the day holding the call at {@code offset}.
     *
     * @param days the days with calls, in the list's order (newest first for a descending list)
     * @return empty when the offset lies past the last call
     */
    public static Optional<DaySeek> locate(List<DayCount> days, long offset) {
        long before = 0;
        for (DayCount day : days) {
            if (offset < before + day.calls()) {
                return Optional.of(new DaySeek(day.day(), before));
            }
            before += day.calls();
        }
        return Optional.empty();
    }
}
