package io.vigil.crypto.recording;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over one recording's segments: nonce from segment index and final flag, the header binding
 * as associated data, and the final segment's padding (see {@link RecordingFormat}). Not thread-safe: one
 * per writer or reader.
 */
final class SegmentCipher {

    private final SecretKeySpec key;
    private final byte[] associatedData;
    private final int segmentSize;
    private final Cipher cipher;

    private SegmentCipher(SecretKeySpec key, byte[] associatedData, int segmentSize, Cipher cipher) {
        this.key = key;
        this.associatedData = associatedData;
        this.segmentSize = segmentSize;
        this.cipher = cipher;
    }

    static SegmentCipher create(byte[] segmentKey, byte[] binding, int segmentSize) throws GeneralSecurityException {
        return new SegmentCipher(new SecretKeySpec(segmentKey, "AES"), binding.clone(), segmentSize,
                Cipher.getInstance("AES/GCM/NoPadding"));
    }

    /** Encrypts {@code segmentSize} plaintext bytes into {@code ciphertext} ({@code segmentSize + 16} bytes). */
    void seal(long index, boolean last, byte[] plaintext, byte[] ciphertext) throws GeneralSecurityException {
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(RecordingFormat.TAG_BYTES * 8, RecordingFormat.nonce(index, last)));
        cipher.updateAAD(associatedData);
        cipher.doFinal(plaintext, 0, segmentSize, ciphertext, 0);
    }

    /**
     * Decrypts one on-disk segment into {@code plaintext}. Returns false, leaving {@code plaintext} zeroed, if it
     * does not authenticate as segment {@code index} with this final flag.
     */
    boolean open(long index, boolean last, byte[] ciphertext, byte[] plaintext) throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(RecordingFormat.TAG_BYTES * 8, RecordingFormat.nonce(index, last)));
        cipher.updateAAD(associatedData);
        try {
            cipher.doFinal(ciphertext, 0, segmentSize + RecordingFormat.TAG_BYTES, plaintext, 0);
            return true;
        } catch (AEADBadTagException e) {
            Arrays.fill(plaintext, (byte) 0);
            return false;
        }
    }

    /** Pads the final segment in place: {@code length} audio bytes, then 0x80, then zeros. */
    void pad(byte[] plaintext, int length) {
        plaintext[length] = RecordingFormat.PADDING_MARK;
        Arrays.fill(plaintext, length + 1, segmentSize, (byte) 0);
    }

    /** Audio bytes in an authenticated final segment, or -1 if its padding is malformed. */
    int unpaddedLength(byte[] plaintext) {
        for (int i = segmentSize - 1; i >= 0; i--) {
            if (plaintext[i] == RecordingFormat.PADDING_MARK) {
                return i;
            }
            if (plaintext[i] != 0) {
                return -1;
            }
        }
        return -1;
    }
}
