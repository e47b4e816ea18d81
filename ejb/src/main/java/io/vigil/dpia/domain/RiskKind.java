package io.vigil.dpia.domain;

/** The three feared events of the CNIL PIA method. */
public enum RiskKind {
    ILLEGITIMATE_ACCESS("Illegitimate access to data"),
    UNWANTED_MODIFICATION("Unwanted modification of data"),
    DISAPPEARANCE("Disappearance of data");

    private final String label;

    RiskKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
