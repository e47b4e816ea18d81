package io.vigil.session.domain;

/** Who said a transcript segment. */
public enum Speaker {
    CALLER, AGENT, SYSTEM
}
