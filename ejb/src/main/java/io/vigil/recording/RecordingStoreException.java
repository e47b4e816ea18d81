package io.vigil.recording;

import jakarta.ejb.ApplicationException;

/**
 * A finished call's audio could not be read back or written as a recording: the transaction rolls back, and the
 * live recorder keeps the call's live tracks rather than retrying what would fail again.
 */
@ApplicationException(rollback = true)
public class RecordingStoreException extends RuntimeException {

    public RecordingStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
