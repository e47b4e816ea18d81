package io.vigil.crypto.keys;

import java.security.GeneralSecurityException;
import java.util.Objects;

/** A key operation that failed, with a reason a caller can act on. */
public final class KeyProviderException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    /** Why a key operation failed. */
    public enum Reason {
        /** No such key or version was ever created in this provider (or it belongs to another provider). */
        UNKNOWN_KEY,
        /** The version is below the minimum decryption version; data wrapped under it must be rewrapped first. */
        VERSION_RETIRED,
        /** The version was destroyed: data wrapped under it is crypto-shredded. */
        VERSION_DESTROYED,
        /** The wrapped key does not authenticate under this key and associated data. */
        UNWRAP_FAILED,
        /** The operation does not fit the key's domain, e.g. wrapping with a signing key. */
        WRONG_KEY_TYPE,
        /** The keystore file, the token or the library failed; the message says what. */
        PROVIDER_FAILURE
    }

    private final Reason reason;

    public KeyProviderException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public KeyProviderException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
