package io.vigil.crypto.audit;

/** Text that should be an export line, a checkpoint, a signed note or a public key is not one; the message says where. */
public final class AuditFormatException extends Exception {

    public AuditFormatException(String message) {
        super(message);
    }

    public AuditFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
