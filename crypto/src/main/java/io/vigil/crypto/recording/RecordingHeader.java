package io.vigil.crypto.recording;

import io.vigil.crypto.keys.KeyReference;
import io.vigil.crypto.keys.WrappedDataKey;
import io.vigil.crypto.recording.RecordingFormatException.Reason;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The header of a recording (see {@link RecordingFormat} for its bytes): encodes a new one, and parses and
 * checks one read from disk. Parsing checks magic, version, length, checksum and structure; the keyed tag
 * can only be checked by {@link #verifyTag} once the data key is unwrapped.
 */
final class RecordingHeader {

    /** magic, version, header length, segment size, salt. */
    private static final int FIXED_BYTES = 4 + 1 + 2 + 4 + RecordingFormat.SALT_BYTES;
    private static final int TRAILER_BYTES = RecordingFormat.DIGEST_BYTES + RecordingFormat.HEADER_TAG_BYTES;
    private static final int PREFIX_BYTES = 7;

    private final byte[] bytes;
    private final int bindingEnd;
    private final int segmentSize;
    private final byte[] salt;
    private final WrappedDataKey wrappedKey;
    private final RecordingContext context;

    private RecordingHeader(byte[] bytes, int bindingEnd, int segmentSize, byte[] salt, WrappedDataKey wrappedKey, RecordingContext context) {
        this.bytes = bytes;
        this.bindingEnd = bindingEnd;
        this.segmentSize = segmentSize;
        this.salt = salt;
        this.wrappedKey = wrappedKey;
        this.context = context;
    }

    static RecordingHeader create(int segmentSize, byte[] salt, WrappedDataKey wrappedKey, RecordingContext context, byte[] headerKey)
            throws GeneralSecurityException {
        RecordingFormat.checkSegmentSize(segmentSize);
        KeyReference kek = wrappedKey.kek();
        byte[] wrapped = wrappedKey.ciphertext();
        if (wrapped.length == 0 || wrapped.length > RecordingFormat.MAX_WRAPPED_KEY_BYTES) {
            throw new IllegalArgumentException("Wrapped data key of " + wrapped.length + " bytes does not fit the header");
        }
        ByteBuffer out = ByteBuffer.allocate(RecordingFormat.MAX_HEADER_BYTES);
        out.put(RecordingFormat.MAGIC).put((byte) RecordingFormat.VERSION).putShort((short) 0).putInt(segmentSize).put(salt);
        putString(out, context.tenantId());
        putString(out, context.sessionId());
        putString(out, context.track());
        putString(out, context.dataClass());
        int bindingEnd = out.position();
        putString(out, kek.providerId());
        putString(out, kek.keyId());
        out.putInt(kek.version());
        out.putShort((short) wrapped.length).put(wrapped);
        int length = out.position() + TRAILER_BYTES;
        if (length > RecordingFormat.MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("Header of " + length + " bytes exceeds " + RecordingFormat.MAX_HEADER_BYTES);
        }
        out.putShort(5, (short) length);
        byte[] header = Arrays.copyOf(out.array(), length);
        System.arraycopy(sha256(header, length - TRAILER_BYTES), 0, header, length - TRAILER_BYTES, RecordingFormat.DIGEST_BYTES);
        byte[] tag = hmac(headerKey, header, length - RecordingFormat.HEADER_TAG_BYTES);
        System.arraycopy(tag, 0, header, length - RecordingFormat.HEADER_TAG_BYTES, RecordingFormat.HEADER_TAG_BYTES);
        return new RecordingHeader(header, bindingEnd, segmentSize, salt.clone(), wrappedKey, context);
    }

    /** Reads and structurally checks the header at the start of {@code channel}. */
    static RecordingHeader read(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer prefix = ByteBuffer.allocate((int) Math.min(PREFIX_BYTES, size));
        ChannelIo.readFully(channel, 0, prefix);
        byte[] start = prefix.array();
        for (int i = 0; i < Math.min(start.length, RecordingFormat.MAGIC.length); i++) {
            if (start[i] != RecordingFormat.MAGIC[i]) {
                throw new RecordingFormatException(Reason.BAD_MAGIC, "Not a Vigil recording (magic is not VGRC)");
            }
        }
        if (start.length > 4 && start[4] != RecordingFormat.VERSION) {
            throw new RecordingFormatException(Reason.UNSUPPORTED_VERSION,
                    "Recording format version " + (start[4] & 0xff) + " is not supported; this reader reads version " + RecordingFormat.VERSION);
        }
        if (start.length < PREFIX_BYTES) {
            throw new RecordingFormatException(Reason.TRUNCATED, "Recording ends inside its header (" + size + " bytes)");
        }
        int length = ((start[5] & 0xff) << 8) | (start[6] & 0xff);
        if (length < FIXED_BYTES + TRAILER_BYTES || length > RecordingFormat.MAX_HEADER_BYTES) {
            throw new RecordingFormatException(Reason.HEADER_TAMPERED, "Header length " + length + " is impossible");
        }
        if (size < length) {
            throw new RecordingFormatException(Reason.TRUNCATED, "Recording ends inside its header (" + size + " of " + length + " bytes)");
        }
        ByteBuffer header = ByteBuffer.allocate(length);
        ChannelIo.readFully(channel, 0, header);
        byte[] bytes = header.array();
        if (!MessageDigest.isEqual(sha256(bytes, length - TRAILER_BYTES),
                Arrays.copyOfRange(bytes, length - TRAILER_BYTES, length - RecordingFormat.HEADER_TAG_BYTES))) {
            throw new RecordingFormatException(Reason.HEADER_TAMPERED, "Header checksum does not match: the header was altered or damaged");
        }
        return parse(bytes);
    }

    private static RecordingHeader parse(byte[] bytes) throws RecordingFormatException {
        ByteBuffer in = ByteBuffer.wrap(bytes, 7, bytes.length - 7 - TRAILER_BYTES);
        try {
            int segmentSize = in.getInt();
            RecordingFormat.checkSegmentSize(segmentSize);
            byte[] salt = new byte[RecordingFormat.SALT_BYTES];
            in.get(salt);
            RecordingContext context = new RecordingContext(getString(in), getString(in), getString(in), getString(in));
            int bindingEnd = in.position();
            KeyReference kek = new KeyReference(getString(in), getString(in), in.getInt());
            int wrappedLength = Short.toUnsignedInt(in.getShort());
            if (wrappedLength == 0 || wrappedLength > RecordingFormat.MAX_WRAPPED_KEY_BYTES) {
                throw new IllegalArgumentException("wrapped key length " + wrappedLength);
            }
            byte[] wrapped = new byte[wrappedLength];
            in.get(wrapped);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " unexplained bytes");
            }
            return new RecordingHeader(bytes, bindingEnd, segmentSize, salt, new WrappedDataKey(kek, wrapped), context);
        } catch (BufferUnderflowException | IllegalArgumentException | CharacterCodingException e) {
            throw new RecordingFormatException(Reason.HEADER_TAMPERED, "Header fields are malformed: " + e.getMessage(), e);
        }
    }

    /** Checks the keyed tag; a mismatch means the header was forged even though its checksum fits. */
    void verifyTag(byte[] headerKey) throws RecordingFormatException {
        try {
            byte[] expected = hmac(headerKey, bytes, bytes.length - RecordingFormat.HEADER_TAG_BYTES);
            if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, bytes.length - RecordingFormat.HEADER_TAG_BYTES, bytes.length))) {
                throw new RecordingFormatException(Reason.HEADER_TAMPERED, "Header authentication tag does not match: the header was forged");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    int length() {
        return bytes.length;
    }

    /**
     * Every segment's associated data: SHA-256 over segment size, salt and context (header bytes 7 up to the
     * key reference). It leaves out the key fields so a rewrap under a new key version keeps the segments valid.
     */
    byte[] binding() {
        return sha256(Arrays.copyOfRange(bytes, 7, bindingEnd), bindingEnd - 7);
    }

    /** A header for the same recording with the data key wrapped anew (rotation); segments stay valid. */
    RecordingHeader withWrappedKey(WrappedDataKey rewrapped, byte[] headerKey) throws GeneralSecurityException {
        return create(segmentSize, salt, rewrapped, context, headerKey);
    }

    int segmentSize() {
        return segmentSize;
    }

    byte[] salt() {
        return salt.clone();
    }

    WrappedDataKey wrappedKey() {
        return wrappedKey;
    }

    RecordingContext context() {
        return context;
    }

    private static void putString(ByteBuffer out, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xffff) {
            throw new IllegalArgumentException("Header string longer than 65535 bytes");
        }
        out.putShort((short) utf8.length).put(utf8);
    }

    private static String getString(ByteBuffer in) throws CharacterCodingException {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        ByteBuffer utf8 = in.slice().limit(length);
        in.position(in.position() + length);
        CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(utf8);
        return chars.toString();
    }

    private static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(data, 0, length);
        return mac.doFinal();
    }
}
