package io.vigil.discovery.domain;

/** Which audio a bundle carries. ORIGINAL is unredacted and needs a justification, which the audit trail keeps. */
public enum AudioChoice {
    NONE,
    /** The recording with every redacted passage silenced, signed with the original as its C2PA ingredient. */
    REDACTED,
    /** The recording as recorded. */
    ORIGINAL
}
