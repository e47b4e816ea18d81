package io.vigil.crypto.c2pa;

/**
 * A container (WAV, MP3) or a manifest store that does not parse. Internal: the writer reports it as a
 * {@link C2paException}, the reader as {@link C2paVerificationException.Failure#MALFORMED}.
 */
final class C2paFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    C2paFormatException(String message) {
        super(message);
    }
}
