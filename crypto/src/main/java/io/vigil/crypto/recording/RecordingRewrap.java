package io.vigil.crypto.recording;

import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.WrappedDataKey;
import io.vigil.crypto.recording.RecordingFormatException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Key rotation for a recording: re-wraps its data key under the newest version of its key and copies the
 * segments unchanged, without decrypting any audio. Run it for every recording under an old version before
 * {@code KeyProvider.retireBelow}; the job needs only unwrap/wrap rights, never the audio.
 */
public final class RecordingRewrap {

    private static final int COPY_BUFFER_BYTES = 64 * 1024;

    private RecordingRewrap() {
    }

    /**
     * Writes to {@code target} the recording in {@code source} with its data key rewrapped. The header is
     * authenticated first; the segments are copied byte for byte (an incomplete recording stays incomplete).
     */
    public static void rewrap(SeekableByteChannel source, OutputStream target, DataKeyWrapper keys, RecordingContext expected)
            throws IOException {
        RecordingHeader header = RecordingHeader.read(source);
        if (!header.context().equals(expected)) {
            throw new RecordingFormatException(Reason.WRONG_ASSOCIATED_DATA, "Recording is not the one expected; refusing to rewrap it");
        }
        byte[] associatedData = header.context().associatedData();
        RecordingHeader rewrapped;
        byte[] dataKey = null;
        try {
            dataKey = keys.unwrap(header.wrappedKey(), associatedData);
            byte[] headerKey = RecordingFormat.headerKey(dataKey, header.salt());
            header.verifyTag(headerKey);
            WrappedDataKey newKey = keys.rewrap(header.wrappedKey(), associatedData);
            rewrapped = header.withWrappedKey(newKey, headerKey);
        } catch (KeyProviderException e) {
            throw new RecordingFormatException(RecordingReader.reasonFor(e.reason()), "Cannot rewrap: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable in this JVM", e);
        } finally {
            if (dataKey != null) {
                Arrays.fill(dataKey, (byte) 0);
            }
        }
        target.write(rewrapped.bytes());
        source.position(header.length());
        ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER_BYTES);
        while (source.read(buffer) >= 0) {
            buffer.flip();
            target.write(buffer.array(), 0, buffer.limit());
            buffer.clear();
        }
        target.flush();
    }
}
