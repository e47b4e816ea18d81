package io.vigil.session.audio;

import java.util.Base64;

/** Standard base64 (RFC 4648 section 4, with padding), the encoding of audio in both Realtime and Twilio frames. */
public final class Base64Audio {

    private Base64Audio() {
    }

    public static String encode(byte[] audio) {
        return Base64.getEncoder().encodeToString(audio);
    }

    /** Decodes; a malformed string gives an {@link AudioFormatException} whose message names the problem. */
    public static byte[] decode(String base64) {
        if (base64 == null) {
            throw new AudioFormatException("audio is missing; send it as a base64 string");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new AudioFormatException("audio is not valid base64 (" + e.getMessage()
                    + "); encode it with standard base64 and padding");
        }
    }
}
