package io.vigil.crypto.recording;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Whose recording this is: tenant, session, track (e.g. {@code caller}, {@code agent}) and data class (e.g.
 * {@code audio/raw}, {@code audio/redacted}). Stored in the header and bound to the data key as associated
 * data, so a ciphertext moved to another tenant, call or track does not open.
 *
 * <p>Each field is 1 to {@link #MAX_FIELD_BYTES} bytes of UTF-8.
 */
public record RecordingContext(String tenantId, String sessionId, String track, String dataClass) {

    public static final int MAX_FIELD_BYTES = 255;
    private static final byte[] LABEL = "vigil/recording/v1".getBytes(StandardCharsets.US_ASCII);

    public RecordingContext {
        check("tenantId", tenantId);
        check("sessionId", sessionId);
        check("track", track);
        check("dataClass", dataClass);
    }

    /**
     * The associated data the data key is wrapped with:
     * {@code "vigil/recording/v1" || (u16 len || UTF-8) for tenantId, sessionId, track, dataClass}.
     */
    public byte[] associatedData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(LABEL);
        for (String field : new String[] {tenantId, sessionId, track, dataClass}) {
            byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
            out.write(utf8.length >>> 8);
            out.write(utf8.length);
            out.writeBytes(utf8);
        }
        return out.toByteArray();
    }

    private static void check(String name, String value) {
        Objects.requireNonNull(value, name);
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        if (length == 0 || length > MAX_FIELD_BYTES) {
            throw new IllegalArgumentException(name + " must be 1 to " + MAX_FIELD_BYTES + " bytes of UTF-8, got " + length);
        }
    }
}
