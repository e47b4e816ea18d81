package io.vigil.crypto.recording;

import java.io.IOException;
import java.util.Objects;

/**
 * A recording that cannot be read, and why. Thrown instead of ever returning plaintext that did not
 * authenticate. An {@link IOException} so it travels through the {@code InputStream} and channel views.
 */
public final class RecordingFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the recording or its key. */
    public enum Reason {
        /** Not a Vigil recording: the first four bytes are not {@code VGRC}. */
        BAD_MAGIC,
        /** A format version this code does not read. */
        UNSUPPORTED_VERSION,
        /** The header was altered or damaged (checksum, structure or authentication tag). */
        HEADER_TAMPERED,
        /** An intact header of another tenant, session, track or data class than the caller expected. */
        WRONG_ASSOCIATED_DATA,
        /** The data key does not unwrap: another key, another provider, or a forged key reference. */
        WRONG_KEY,
        /** The key version is retired (below the minimum decryption version); rewrap the data key. */
        KEY_VERSION_RETIRED,
        /** The key version was destroyed: the recording is crypto-shredded and unrecoverable. */
        SHREDDED,
        /** The key provider failed (token or keystore unavailable); retrying later may work. */
        KEY_UNAVAILABLE,
        /** A segment failed authentication: altered, reordered, duplicated or from another recording. */
        SEGMENT_TAMPERED,
        /** The recording ends early: inside the header, or without a final segment where one is required. */
        TRUNCATED,
        /** Bytes follow the final segment. */
        TRAILING_DATA
    }

    private final Reason reason;

    public RecordingFormatException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RecordingFormatException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
