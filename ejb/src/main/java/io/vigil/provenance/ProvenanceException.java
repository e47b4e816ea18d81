package io.vigil.provenance;

/**
 * Signing or a chain import was refused; the message says why and what to do. Checked, so the container neither
 * wraps it nor rolls back the caller's transaction: the caller decides.
 */
public class ProvenanceException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProvenanceException(String message) {
        super(message);
    }

    public ProvenanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
