package io.vigil.session.domain;

/** Whether the caller agreed to recording. Until GIVEN (or NOT_REQUIRED by policy) no raw audio is kept. */
public enum ConsentState {
    PENDING, GIVEN, REFUSED, NOT_REQUIRED
}
