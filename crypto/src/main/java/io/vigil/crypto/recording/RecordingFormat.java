package io.vigil.crypto.recording;

import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The Vigil encrypted recording format, version 1: one file per recording track, an authenticated header
 * followed by fixed-size AES-256-GCM segments (the STREAM construction, as in Tink's streaming AEAD, with our
 * own header and framing so a live writer can flush every segment and a reader can tell a crashed writer from
 * tampering).
 *
 * <h2>Layout</h2>
 * All integers are unsigned big-endian; {@code str} is {@code u16 length || UTF-8 bytes}.
 * <pre>
 * file    = header || segment_0 || segment_1 || ... || segment_(n-1)
 *
 * header (H bytes):
 *  offset  size  field
 *  0       4     magic            'V' 'G' 'R' 'C'  (0x56 0x47 0x52 0x43)
 *  4       1     version          0x01
 *  5       2     header length H  (whole header, including checksum and tag; at most 4096)
 *  7       4     segment size P   plaintext bytes per segment, 64 .. 16 MiB
 *  11      16    salt             random per recording
 *  27      var   context          str tenantId, str sessionId, str track, str dataClass (1 .. 255 bytes each)
 *  B       var   key reference    str providerId, str keyId, u32 keyVersion
 *  ..      var   wrapped data key u16 length (1 .. 1024) || bytes as returned by the key provider
 *  H-64    32    checksum         SHA-256(header[0 .. H-64))
 *  H-32    32    tag              HMAC-SHA256(K_header, header[0 .. H-32))
 *
 *  binding = SHA-256(header[7 .. B))   (segment size, salt and context: what never changes)
 *
 * segment_i (C = P + 16 bytes, every segment including the last):
 *  AES-256-GCM(key = K_segment, nonce = N(i, final), aad = binding, plaintext_i) = ciphertext (P) || GCM tag (16)
 *  N(i, final)  = u64 i || 0x00 0x00 0x00 || (0x01 if final else 0x00)          (12 bytes)
 *  plaintext_i  = P audio bytes                                  for a non-final segment
 *               = k audio bytes || 0x80 || 0x00 * (P - 1 - k)    for the final segment, 0 &lt;= k &lt; P
 *
 * keys: DK = the 32-byte data key, fresh per recording, wrapped by the key provider under the key reference
 *       with associated data DataKeyWrapper(keyReference, RecordingContext.associatedData())
 *  K_segment = HKDF-SHA256(ikm = DK, salt = salt, info = "vigil/recording/v1/segment", 32 bytes)
 *  K_header  = HKDF-SHA256(ikm = DK, salt = salt, info = "vigil/recording/v1/header", 32 bytes)
 * </pre>
 *
 * <h2>Why it is shaped this way</h2>
 * <ul>
 * <li>Every segment has the same size on disk, so plaintext offset {@code o} lives in segment {@code o / P} at
 *     file offset {@code H + (o / P) * C}: random access without decrypting anything before it.</li>
 * <li>The segment index and the final flag are in the nonce, so reordered, duplicated, dropped or appended
 *     segments fail authentication; a missing final segment shows the recording is incomplete or truncated.</li>
 * <li>The final segment is padded to full size, so every complete segment a writer flushed is distinguishable
 *     from a torn write by its length alone, and a full buffer can be flushed at once as non-final.</li>
 * <li>The checksum is unkeyed and only tells accidental or naive header changes apart from a wrong key; the
 *     tag (keyed by the data key) authenticates the whole header. The binding, as every segment's associated
 *     data, ties the segments to this recording's salt, segment size and context but not to the key fields,
 *     so key rotation rewrites the header only ({@link RecordingRewrap}) and never touches the audio.</li>
 * <li>The context sits in the clear so a reader can refuse a recording of another tenant or call before
 *     touching any key; it is also bound to the data key, so editing it breaks the unwrap.</li>
 * </ul>
 *
 * <h2>Reading rules</h2>
 * Let {@code m = (size - H) / C} and {@code r = (size - H) mod C}. If segment {@code m-1} authenticates as final,
 * the recording is {@link RecordingStatus#COMPLETE} (and {@code r} must be 0, else {@code TRAILING_DATA}); if it
 * authenticates as non-final, it is {@link RecordingStatus#INCOMPLETE} and the {@code r} bytes of a torn last
 * write are ignored; otherwise the file is tampered. Segments are authenticated before any of their plaintext
 * is released.
 */
public final class RecordingFormat {

    public static final byte[] MAGIC = {0x56, 0x47, 0x52, 0x43};
    public static final int VERSION = 1;
    public static final int MIN_SEGMENT_SIZE = 64;
    public static final int MAX_SEGMENT_SIZE = 16 * 1024 * 1024;
    /** 16 KiB: one second of 8 kHz 16-bit PCM, so a crash loses at most about a second of audio. */
    public static final int DEFAULT_SEGMENT_SIZE = 16 * 1024;
    public static final int TAG_BYTES = 16;
    public static final int MAX_HEADER_BYTES = 4096;

    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int DIGEST_BYTES = 32;
    static final int HEADER_TAG_BYTES = 32;
    static final int MAX_WRAPPED_KEY_BYTES = 1024;
    static final byte PADDING_MARK = (byte) 0x80;

    private static final byte[] SEGMENT_INFO = "vigil/recording/v1/segment".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEADER_INFO = "vigil/recording/v1/header".getBytes(StandardCharsets.US_ASCII);

    private RecordingFormat() {
    }

    /** Bytes a segment takes on disk for plaintext segment size {@code segmentSize}. */
    public static int ciphertextSegmentSize(int segmentSize) {
        return segmentSize + TAG_BYTES;
    }

    static void checkSegmentSize(int segmentSize) {
        if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
            throw new IllegalArgumentException("Segment size " + segmentSize + " is outside " + MIN_SEGMENT_SIZE + " .. " + MAX_SEGMENT_SIZE);
        }
    }

    static byte[] segmentKey(byte[] dataKey, byte[] salt) throws GeneralSecurityException {
        return Hkdf.computeHkdf("HMACSHA256", dataKey, salt, SEGMENT_INFO, 32);
    }

    static byte[] headerKey(byte[] dataKey, byte[] salt) throws GeneralSecurityException {
        return Hkdf.computeHkdf("HMACSHA256", dataKey, salt, HEADER_INFO, 32);
    }

    static byte[] nonce(long segmentIndex, boolean last) {
        byte[] nonce = new byte[NONCE_BYTES];
        for (int i = 0; i < 8; i++) {
            nonce[i] = (byte) (segmentIndex >>> (56 - 8 * i));
        }
        nonce[NONCE_BYTES - 1] = (byte) (last ? 1 : 0);
        return nonce;
    }
}
