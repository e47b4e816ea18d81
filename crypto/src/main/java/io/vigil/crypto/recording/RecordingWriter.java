package io.vigil.crypto.recording;

import io.vigil.crypto.keys.DataKey;
import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.crypto.keys.WrappedDataKey;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encrypts one recording track while the call is live (format: {@link RecordingFormat}).
 *
 * <p>Audio chunks go in as they arrive; each time a segment fills up it is encrypted, written and flushed
 * to the underlying stream at once, so a crash loses at most the audio of the segment being filled. Give it
 * a stream whose {@code flush()} makes the bytes durable to the degree you need (e.g.
 * {@code FileSystemBlobStore}'s live blobs force them to disk). {@link #close()} writes the final segment;
 * without it the recording reads as {@link RecordingStatus#INCOMPLETE}.
 *
 * <p>Not thread-safe: one writer per track, fed by that track's audio thread.
 */
public final class RecordingWriter implements Closeable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OutputStream out;
    private final SegmentCipher cipher;
    private final WrappedDataKey wrappedKey;
    private final KeyReference keyReference;
    private final int segmentSize;
    private final byte[] plaintext;
    private final byte[] ciphertext;
    private int buffered;
    private long segmentsWritten;
    private long bytesWritten;
    private boolean closed;
    private IOException failure;

    private RecordingWriter(OutputStream out, SegmentCipher cipher, WrappedDataKey wrappedKey, int segmentSize) {
        this.out = out;
        this.cipher = cipher;
        this.wrappedKey = wrappedKey;
        this.keyReference = wrappedKey.kek();
        this.segmentSize = segmentSize;
        this.plaintext = new byte[segmentSize];
        this.ciphertext = new byte[RecordingFormat.ciphertextSegmentSize(segmentSize)];
    }

    /**
     * Starts a recording: makes a fresh data key wrapped under the newest version of {@code kek}, bound to
     * {@code context}, and writes and flushes the header.
     *
     * @param segmentSize plaintext bytes per segment; the most audio a crash can lose
     */
    public static RecordingWriter create(OutputStream out, DataKeyWrapper keys, KeyName kek, RecordingContext context, int segmentSize)
            throws IOException, KeyProviderException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(context, "context");
        RecordingFormat.checkSegmentSize(segmentSize);
        byte[] salt = new byte[RecordingFormat.SALT_BYTES];
        RANDOM.nextBytes(salt);
        try (DataKey dataKey = keys.newDataKey(kek, context.associatedData())) {
            byte[] plainKey = dataKey.plaintext();
            try {
                RecordingHeader header = RecordingHeader.create(segmentSize, salt, dataKey.wrapped(), context,
                        RecordingFormat.headerKey(plainKey, salt));
                SegmentCipher cipher = SegmentCipher.create(RecordingFormat.segmentKey(plainKey, salt), header.binding(), segmentSize);
                out.write(header.bytes());
                out.flush();
                return new RecordingWriter(out, cipher, dataKey.wrapped(), segmentSize);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM or HMAC-SHA256 unavailable in this JVM", e);
            } finally {
                Arrays.fill(plainKey, (byte) 0);
            }
        }
    }

    public void write(byte[] chunk) throws IOException {
        write(chunk, 0, chunk.length);
    }

    /** Appends audio; flushes every segment this completes. */
    public void write(byte[] chunk, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, chunk.length);
        write(ByteBuffer.wrap(chunk, offset, length));
    }

    /** Appends the remaining bytes of {@code chunk}; flushes every segment this completes. */
    public void write(ByteBuffer chunk) throws IOException {
        ensureWritable();
        while (chunk.hasRemaining()) {
            int take = Math.min(chunk.remaining(), segmentSize - buffered);
            chunk.get(plaintext, buffered, take);
            buffered += take;
            bytesWritten += take;
            if (buffered == segmentSize) {
                // A full segment goes out as non-final at once; the final one is always padded and shorter.
                emit(false);
            }
        }
    }

    /** The key version the data key is wrapped under. */
    public KeyReference keyReference() {
        return keyReference;
    }

    /**
     * The data key as wrapped in the header, for a key inventory that must find, rewrap or shred it without
     * reading the recording.
     */
    public WrappedDataKey wrappedKey() {
        return wrappedKey;
    }

    /** Audio bytes accepted so far. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Segments written and flushed so far (the final one included after {@link #close()}). */
    public long segmentsWritten() {
        return segmentsWritten;
    }

    /** Writes the final segment (holding whatever audio is buffered), flushes and closes the stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (failure == null) {
                cipher.pad(plaintext, buffered);
                emit(true);
            }
        } finally {
            closed = true;
            Arrays.fill(plaintext, (byte) 0);
            out.close();
        }
    }

    private void emit(boolean last) throws IOException {
        try {
            cipher.seal(segmentsWritten, last, plaintext, ciphertext);
            out.write(ciphertext);
            out.flush();
            segmentsWritten++;
            buffered = 0;
        } catch (GeneralSecurityException e) {
            failure = new IOException("Cannot encrypt segment " + segmentsWritten, e);
            throw failure;
        } catch (IOException e) {
            // A half-written segment would misalign everything after it; the recording stays incomplete.
            failure = e;
            throw e;
        }
    }

    private void ensureWritable() throws IOException {
        if (closed) {
            throw new IOException("Recording writer is closed");
        }
        if (failure != null) {
            throw new IOException("Recording writer failed earlier and is unusable; start a new recording", failure);
        }
    }
}
