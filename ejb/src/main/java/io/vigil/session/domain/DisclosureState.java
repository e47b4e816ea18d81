package io.vigil.session.domain;

/** Whether the caller was told they are speaking to an AI before the agent's first turn. */
public enum DisclosureState {
    PENDING, DELIVERED, FAILED
}
