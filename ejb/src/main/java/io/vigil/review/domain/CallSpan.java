package io.vigil.review.domain;

import io.vigil.session.domain.CallSession;

/** A stretch of a call in milliseconds from its start, end included; a single moment when start equals end. */
public record CallSpan(int startMs, int endMs) {

    public CallSpan {
        if (startMs < 0) {
            throw new ReviewInputException("A range cannot start before the call does; pick a start of 0:00 or later.");
        }
        if (endMs < startMs) {
            throw new ReviewInputException("The range ends before it starts; swap the start and end times.");
        }
    }

    /** Refuses a span that ends after a call that has ended; a live call has no end yet to check against. */
    public CallSpan within(CallSession call) {
        Long duration = call.durationMs();
        if (duration != null && endMs > duration) {
            throw new ReviewInputException("The range ends at " + clock(endMs) + ", after the call ended at "
                    + clock(duration) + "; pick a time within the call.");
        }
        return this;
    }

    static String clock(long millis) {
        long seconds = millis / 1000;
        return seconds >= 3600
                ? "%d:%02d:%02d".formatted(seconds / 3600, seconds % 3600 / 60, seconds % 60)
                : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
