package io.vigil.audit.domain;

/** The database refused or failed an audit read or write; the transaction that tried it rolls back. */
public class AuditStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditStorageException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
