package io.vigil.session.domain;

import java.time.Duration;

/** How urgent a flag is; it sets how soon a compliance officer must look at it. */
public enum Severity {
    LOW(Duration.ofDays(7)),
    MEDIUM(Duration.ofDays(3)),
    HIGH(Duration.ofHours(24)),
    CRITICAL(Duration.ofHours(4));

    private final Duration reviewWithin;

    Severity(Duration reviewWithin) {
        this.reviewWithin = reviewWithin;
    }

    public Duration reviewWithin() {
        return reviewWithin;
    }
}
