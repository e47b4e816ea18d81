package io.vigil.retention.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a retention policy is about: one kind of data a call leaves behind. Each class allows the actions that make
 * sense for how it is stored (encrypted data can be crypto-shredded; plain rows can only be deleted or anonymised).
 * {@link #SESSION_METADATA} is expired last in a sweep: deleting a call's row takes whatever is left with it.
 */
public enum DataClass {
    RAW_CALLER_AUDIO("Raw caller audio", EnumSet.of(RetentionAction.CRYPTO_SHRED, RetentionAction.DELETE)),
    RAW_AGENT_AUDIO("Raw agent audio", EnumSet.of(RetentionAction.CRYPTO_SHRED, RetentionAction.DELETE)),
    REDACTED_AUDIO("Redacted audio", EnumSet.of(RetentionAction.CRYPTO_SHRED, RetentionAction.DELETE)),
    ORIGINAL_TRANSCRIPT("Original transcript", EnumSet.of(RetentionAction.CRYPTO_SHRED, RetentionAction.DELETE)),
    REDACTED_TRANSCRIPT("Redacted transcript", EnumSet.of(RetentionAction.DELETE)),
    ANNOTATIONS("Annotations", EnumSet.of(RetentionAction.DELETE)),
    EXPORTS("Exports", EnumSet.of(RetentionAction.CRYPTO_SHRED, RetentionAction.DELETE)),
    SESSION_METADATA("Session metadata and events", EnumSet.of(RetentionAction.ANONYMISE, RetentionAction.DELETE));

    private final String label;
    private final Set<RetentionAction> actions;

    DataClass(String label, Set<RetentionAction> actions) {
        this.label = label;
        this.actions = actions;
    }

    public String label() {
        return label;
    }

    public Set<RetentionAction> allowedActions() {
        return EnumSet.copyOf(actions);
    }

    public boolean allows(RetentionAction action) {
        return actions.contains(action);
    }

    /** The recording track names that belong to an audio class: redacted copies, the agent's track, the rest. */
    public static DataClass ofTrack(String track) {
        String t = track == null ? "" : track.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("redacted")) {
            return REDACTED_AUDIO;
        }
        if (t.equals("agent")) {
            return RAW_AGENT_AUDIO;
        }
        // caller, mixed and anything else that may hold the caller's voice: the strictest class
        return RAW_CALLER_AUDIO;
    }
}
