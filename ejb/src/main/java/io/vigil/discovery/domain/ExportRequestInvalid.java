package io.vigil.discovery.domain;

import jakarta.ejb.ApplicationException;

/** An export request that cannot be carried out as asked; the message says what to change. */
@ApplicationException(rollback = true)
public class ExportRequestInvalid extends RuntimeException {

    public ExportRequestInvalid(String message) {
        super(message);
    }
}
