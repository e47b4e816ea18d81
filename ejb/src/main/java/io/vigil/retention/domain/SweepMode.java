package io.vigil.retention.domain;

/** A dry run lists what is due and changes nothing; an apply expires it. */
public enum SweepMode {
    DRY_RUN, APPLY
}
