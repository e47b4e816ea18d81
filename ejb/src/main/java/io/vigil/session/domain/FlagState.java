package io.vigil.session.domain;

/**
 * A flag's review state. PENDING_APPROVAL is the four-eyes step of a HIGH or CRITICAL flag: resolved by one
 * compliance officer, waiting for a second to approve (see {@code io.vigil.review.domain.FlagCase}).
 */
public enum FlagState {
    OPEN, IN_REVIEW, PENDING_APPROVAL, RESOLVED, ESCALATED
}
