package io.vigil.retention.domain;

import jakarta.ejb.ApplicationException;

/** A legal hold action that is not allowed (bad scope, same person approving, wrong state); the message says why. */
@ApplicationException(rollback = true)
public class HoldRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HoldRejected(String message) {
        super(message);
    }
}
