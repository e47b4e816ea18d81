package io.vigil.crypto.audit;

import java.util.Locale;

/** How a security-relevant action ended. Its {@link #label()} is what the canonical encoding and the database hold. */
public enum AuditOutcome {
    /** The action was carried out. */
    SUCCESS,
    /** The action was refused (authorisation, policy, legal hold, ...). */
    DENIED,
    /** The action was attempted and failed. */
    FAILURE;

    /** The lower-case label: {@code success}, {@code denied} or {@code failure}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome with this label; {@link IllegalArgumentException} for anything else. */
    public static AuditOutcome fromLabel(String label) {
        for (AuditOutcome outcome : values()) {
            if (outcome.label().equals(label)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("Unknown audit outcome '" + label + "'; expected success, denied or failure");
    }
}
