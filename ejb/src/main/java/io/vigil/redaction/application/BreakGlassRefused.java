package io.vigil.redaction.application;

import jakarta.ejb.ApplicationException;

/** A break-glass request that was refused; the message says why and what to do. The refusal is already audited. */
@ApplicationException(rollback = false)
public class BreakGlassRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BreakGlassRefused(String message) {
        super(message);
    }
}
