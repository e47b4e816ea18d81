package io.vigil.review.domain;

/** How a compliance officer closes a flag. */
public enum Disposition {
    CONFIRMED("Confirmed: the call broke a rule"),
    FALSE_POSITIVE("False positive: nothing wrong"),
    NEEDS_AGENT_CHANGE("Needs an agent change");

    private final String label;

    Disposition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
