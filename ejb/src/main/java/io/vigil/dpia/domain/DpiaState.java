package io.vigil.dpia.domain;

/** Where a DPIA version is in its workflow: draft → in review → approved or refused. Decided versions are frozen. */
public enum DpiaState {
    DRAFT("Draft"), IN_REVIEW("In review"), APPROVED("Approved"), REFUSED("Refused");

    private final String label;

    DpiaState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean decided() {
        return this == APPROVED || this == REFUSED;
    }
}
