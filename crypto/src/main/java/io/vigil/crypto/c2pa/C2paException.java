package io.vigil.crypto.c2pa;

/**
 * Signing a C2PA manifest failed: the audio is not a WAV or MP3 file we can embed into, the signing key
 * refused, or the timestamp authority did not answer with a valid token. The message says which.
 */
public final class C2paException extends Exception {

    private static final long serialVersionUID = 1L;

    public C2paException(String message) {
        super(message);
    }

    public C2paException(String message, Throwable cause) {
        super(message, cause);
    }
}
