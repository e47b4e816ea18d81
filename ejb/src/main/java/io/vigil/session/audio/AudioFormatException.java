package io.vigil.session.audio;

/** Audio bytes that cannot be what they claim to be (bad base64, half a sample). The message says what to fix. */
public class AudioFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public AudioFormatException(String message) {
        super(message);
    }
}
