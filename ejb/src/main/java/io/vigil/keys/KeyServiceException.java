package io.vigil.keys;

import jakarta.ejb.ApplicationException;

/**
 * A key operation that cannot be carried out; the message says why and what to do. Rolls back the transaction
 * and reaches the caller unwrapped (not as an EJBException), so the console and the API can show the message.
 */
@ApplicationException(rollback = true)
public class KeyServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyServiceException(String message) {
        super(message);
    }

    public KeyServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
