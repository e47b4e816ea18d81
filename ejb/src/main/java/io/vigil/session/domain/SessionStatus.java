package io.vigil.session.domain;

/** Where a call is in its life. */
public enum SessionStatus {
    LIVE, COMPLETED, FAILED, ABANDONED
}
