package io.vigil.retention.domain;

import jakarta.ejb.ApplicationException;

/** A retention policy or change that cannot be accepted; the message says what to change. */
@ApplicationException(rollback = true)
public class PolicyRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PolicyRejected(String message) {
        super(message);
    }
}
