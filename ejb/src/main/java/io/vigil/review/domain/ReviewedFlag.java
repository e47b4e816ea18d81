package io.vigil.review.domain;

import java.util.List;

/** A flag of a call with its review history, oldest step first: what the call page's review panel shows. */
public record ReviewedFlag(FlagCase flag, List<FlagTransition> history) {
    public ReviewedFlag {
        history = List.copyOf(history);
    }
}
