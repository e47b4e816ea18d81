package io.vigil.crypto.recording;

import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.crypto.keys.WrappedDataKey;
import io.vigil.crypto.recording.RecordingFormatException.Reason;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decrypts a recording with random access (format: {@link RecordingFormat}).
 *
 * <p>{@link #open} checks the header, the caller's expected context, the key and the last segment, and so
 * learns whether the recording is {@link RecordingStatus#COMPLETE} or {@link RecordingStatus#INCOMPLETE}
 * (its writer died; everything up to the last complete segment is readable). Reads decrypt only the segments
 * they touch, each authenticated before any of its bytes are returned; a failure throws
 * {@link RecordingFormatException} with the reason, never unauthenticated plaintext.
 *
 * <p>Owns the ciphertext channel (closed by {@link #close()}). Not thread-safe: open one reader per consumer.
 */
public final class RecordingReader implements Closeable {

    private final SeekableByteChannel ciphertext;
    private final RecordingHeader header;
    private final SegmentCipher cipher;
    private final int segmentSize;
    private final int ciphertextSegmentSize;
    private final long segmentCount;
    private final RecordingStatus status;
    private final long plaintextSize;
    private final long ignoredTailBytes;
    private final byte[] segmentCiphertext;
    private final byte[] segmentPlaintext;
    private long cachedSegment = -1;

    private RecordingReader(SeekableByteChannel ciphertext, RecordingHeader header, SegmentCipher cipher) throws IOException {
        this.ciphertext = ciphertext;
        this.header = header;
        this.cipher = cipher;
        this.segmentSize = header.segmentSize();
        this.ciphertextSegmentSize = RecordingFormat.ciphertextSegmentSize(segmentSize);
        this.segmentCiphertext = new byte[ciphertextSegmentSize];
        this.segmentPlaintext = new byte[segmentSize];
        long body = ciphertext.size() - header.length();
        long alignedSegments = body / ciphertextSegmentSize;
        long tail = body % ciphertextSegmentSize;
        if (alignedSegments == 0) {
            status = RecordingStatus.INCOMPLETE;
            segmentCount = 0;
            plaintextSize = 0;
            ignoredTailBytes = tail;
            return;
        }
        long last = alignedSegments - 1;
        if (decrypt(last, true)) {
            if (tail != 0) {
                throw trailingData(tail);
            }
            int finalBytes = cipher.unpaddedLength(segmentPlaintext);
            if (finalBytes < 0) {
                throw new RecordingFormatException(Reason.SEGMENT_TAMPERED, "Final segment " + last + " has malformed padding");
            }
            status = RecordingStatus.COMPLETE;
            segmentCount = alignedSegments;
            plaintextSize = last * segmentSize + finalBytes;
            ignoredTailBytes = 0;
        } else if (decrypt(last, false)) {
            status = RecordingStatus.INCOMPLETE;
            segmentCount = alignedSegments;
            plaintextSize = alignedSegments * segmentSize;
            ignoredTailBytes = tail;
        } else if (last > 0 && decrypt(last - 1, true)) {
            throw trailingData(tail + ciphertextSegmentSize);
        } else {
            throw new RecordingFormatException(Reason.SEGMENT_TAMPERED, "Last segment " + last
                    + " does not authenticate: segments were altered, reordered, duplicated or come from another recording");
        }
    }

    /**
     * Opens a recording for reading.
     *
     * @param ciphertext the recording's bytes; the reader takes ownership
     * @param keys unwraps the data key with the provider named in the header
     * @param expected the tenant, session, track and data class the caller is entitled to; any other refuses
     */
    public static RecordingReader open(SeekableByteChannel ciphertext, DataKeyWrapper keys, RecordingContext expected) throws IOException {
        return open(ciphertext, keys, expected, (WrappedDataKey) null);
    }

    /**
     * Opens a recording with {@code current}, a newer wrap of its data key than the one in its header; null means the
     * header's. For a recording still being written when a key rotation rewrapped the key inventory's copy: its
     * header is rewritten only once it is no longer written, and the version the header names may be retired by
     * then. {@code current} must wrap this recording's own data key: the header's tag is checked with it.
     */
    public static RecordingReader open(SeekableByteChannel ciphertext, DataKeyWrapper keys, RecordingContext expected,
                                       WrappedDataKey current) throws IOException {
        Objects.requireNonNull(expected, "expected");
        RecordingHeader header = RecordingHeader.read(ciphertext);
        if (!header.context().equals(expected)) {
            throw new RecordingFormatException(Reason.WRONG_ASSOCIATED_DATA, "Recording belongs to " + describe(header.context())
                    + ", not to " + describe(expected));
        }
        byte[] dataKey = unwrap(keys, current != null ? current : header.wrappedKey(), header);
        try {
            header.verifyTag(RecordingFormat.headerKey(dataKey, header.salt()));
            SegmentCipher cipher = SegmentCipher.create(RecordingFormat.segmentKey(dataKey, header.salt()), header.binding(), header.segmentSize());
            return new RecordingReader(ciphertext, header, cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM or HMAC-SHA256 unavailable in this JVM", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** This reader if the recording is complete; {@link Reason#TRUNCATED} if its final segment is missing. */
    public RecordingReader requireComplete() throws RecordingFormatException {
        if (status != RecordingStatus.COMPLETE) {
            throw new RecordingFormatException(Reason.TRUNCATED, "Recording has no final segment after segment " + (segmentCount - 1)
                    + ": its writer stopped or the file was cut short");
        }
        return this;
    }

    public RecordingStatus status() {
        return status;
    }

    /** Plaintext bytes readable: all audio if complete, up to the last complete segment if not. */
    public long size() {
        return plaintextSize;
    }

    public int segmentSize() {
        return segmentSize;
    }

    /** Complete segments on disk (the final one included). */
    public long segmentCount() {
        return segmentCount;
    }

    /** Bytes of a torn last write after the last complete segment of an incomplete recording, ignored. */
    public long ignoredTailBytes() {
        return ignoredTailBytes;
    }

    public KeyReference keyReference() {
        return header.wrappedKey().kek();
    }

    public RecordingContext context() {
        return header.context();
    }

    /**
     * Reads plaintext at {@code position} into {@code target}, decrypting only the segments touched.
     *
     * @return bytes read, or -1 if {@code position} is at or beyond {@link #size()}
     */
    public int read(long position, ByteBuffer target) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("Negative position " + position);
        }
        if (position >= plaintextSize) {
            return -1;
        }
        int total = 0;
        while (target.hasRemaining() && position < plaintextSize) {
            long segment = position / segmentSize;
            loadSegment(segment);
            int offset = (int) (position % segmentSize);
            int available = (int) Math.min(segmentSize - offset, plaintextSize - position);
            int take = Math.min(available, target.remaining());
            target.put(segmentPlaintext, offset, take);
            position += take;
            total += take;
        }
        return total;
    }

    /** A stream of the plaintext from {@code offset} on; decrypts nothing before it. */
    public InputStream openAt(long offset) throws IOException {
        PlaintextChannel channel = new PlaintextChannel(this);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    /** A read-only seekable channel over the plaintext (shares this reader; closing it does not close the reader). */
    public SeekableByteChannel channel() {
        return new PlaintextChannel(this);
    }

    @Override
    public void close() throws IOException {
        Arrays.fill(segmentPlaintext, (byte) 0);
        cachedSegment = -1;
        ciphertext.close();
    }

    private void loadSegment(long index) throws IOException {
        if (index == cachedSegment) {
            return;
        }
        boolean last = status == RecordingStatus.COMPLETE && index == segmentCount - 1;
        if (!decrypt(index, last)) {
            throw new RecordingFormatException(Reason.SEGMENT_TAMPERED, "Segment " + index + " at byte "
                    + segmentOffset(index) + " does not authenticate: it was altered, moved or duplicated");
        }
    }

    /** Decrypts segment {@code index} into the cache; false (cache cleared) if it does not authenticate. */
    private boolean decrypt(long index, boolean last) throws IOException {
        cachedSegment = -1;
        if (!ChannelIo.readFully(ciphertext, segmentOffset(index), ByteBuffer.wrap(segmentCiphertext))) {
            throw new RecordingFormatException(Reason.TRUNCATED, "Recording shrank while being read (segment " + index + ")");
        }
        try {
            if (!cipher.open(index, last, segmentCiphertext, segmentPlaintext)) {
                return false;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable in this JVM", e);
        }
        cachedSegment = index;
        return true;
    }

    private long segmentOffset(long index) {
        return header.length() + index * ciphertextSegmentSize;
    }

    private static RecordingFormatException trailingData(long bytes) {
        return new RecordingFormatException(Reason.TRAILING_DATA, bytes + " bytes follow the final segment: the file was appended to");
    }

    private static byte[] unwrap(DataKeyWrapper keys, WrappedDataKey wrapped, RecordingHeader header)
            throws RecordingFormatException {
        KeyReference kek = wrapped.kek();
        if (!kek.providerId().equals(keys.providerId())) {
            throw new RecordingFormatException(Reason.WRONG_KEY, "Recording's data key is held by provider '" + kek.providerId()
                    + "', not by '" + keys.providerId() + "'; open it with that provider");
        }
        try {
            return keys.unwrap(wrapped, header.context().associatedData());
        } catch (KeyProviderException e) {
            throw new RecordingFormatException(reasonFor(e.reason()), e.getMessage(), e);
        }
    }

    static Reason reasonFor(KeyProviderException.Reason reason) {
        return switch (reason) {
            case VERSION_RETIRED -> Reason.KEY_VERSION_RETIRED;
            case VERSION_DESTROYED -> Reason.SHREDDED;
            case PROVIDER_FAILURE -> Reason.KEY_UNAVAILABLE;
            case UNKNOWN_KEY, UNWRAP_FAILED, WRONG_KEY_TYPE -> Reason.WRONG_KEY;
        };
    }

    private static String describe(RecordingContext context) {
        return "tenant '" + context.tenantId() + "', session '" + context.sessionId() + "', track '" + context.track()
                + "', data class '" + context.dataClass() + "'";
    }
}
