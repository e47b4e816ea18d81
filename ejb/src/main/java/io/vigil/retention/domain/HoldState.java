package io.vigil.retention.domain;

/** A legal hold's life: active, a release asked for by one legal user, released once another approved it. */
public enum HoldState {
    ACTIVE, RELEASE_REQUESTED, RELEASED;

    /** Whether the hold still keeps its calls (a requested release keeps them until it is approved). */
    public boolean holds() {
        return this != RELEASED;
    }
}
