package io.vigil.session.domain;

/** A flag's review state. */
public enum FlagState {
    OPEN, IN_REVIEW, RESOLVED, ESCALATED
}
