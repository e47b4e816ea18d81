package io.vigil.discovery.application;

import jakarta.ejb.ApplicationException;

/** A download or status request that is refused: not found in the caller's tenant, not the requester's, not ready. */
@ApplicationException(rollback = true)
public class ExportRefused extends RuntimeException {

    public enum Reason { NOT_FOUND, NOT_REQUESTER, NOT_READY }

    private final Reason reason;

    public ExportRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
