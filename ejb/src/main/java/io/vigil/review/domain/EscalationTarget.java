package io.vigil.review.domain;

/** Who an escalated flag goes to, and the role that may conclude it there. */
public enum EscalationTarget {
    LEGAL("Legal", ReviewRole.LEGAL),
    SECURITY("Security", ReviewRole.SECURITY);

    private final String label;
    private final ReviewRole receivingRole;

    EscalationTarget(String label, ReviewRole receivingRole) {
        this.label = label;
        this.receivingRole = receivingRole;
    }

    public String label() {
        return label;
    }

    public ReviewRole receivingRole() {
        return receivingRole;
    }
}
