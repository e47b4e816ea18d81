package io.vigil.redaction.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts one original transcript line with AES-256-GCM under the call's data key. The associated data binds the
 * tenant, the call and the line's position, so a line moved to another call, tenant or position does not decrypt.
 * Plain JDK cryptography; no state but the random source.
 */
public final class OriginalTranscriptCipher {

    public static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed line: its nonce and ciphertext (with tag). */
    public record Sealed(byte[] nonce, byte[] ciphertext) { }

    private OriginalTranscriptCipher() {
    }

    /** The context a call's data key is wrapped under: its wrap cannot be moved to another call or tenant. */
    public static byte[] keyContext(UUID tenantId, UUID sessionId) {
        return ("vigil/transcript-original/" + tenantId + "/" + sessionId).getBytes(StandardCharsets.UTF_8);
    }

    public static Sealed seal(byte[] dataKey, UUID tenantId, UUID sessionId, int seq, String text) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher gcm = cipher(Cipher.ENCRYPT_MODE, dataKey, nonce, tenantId, sessionId, seq);
            return new Sealed(nonce, gcm.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The original line; a {@link SecurityException} if it was altered, moved or the key is wrong. */
    public static String open(byte[] dataKey, UUID tenantId, UUID sessionId, int seq, Sealed sealed) {
        try {
            Cipher gcm = cipher(Cipher.DECRYPT_MODE, dataKey, sealed.nonce(), tenantId, sessionId, seq);
            return new String(gcm.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecurityException("original transcript line " + seq + " of call " + sessionId
                    + " does not authenticate: it was altered, moved, or the key is wrong");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, UUID tenantId, UUID sessionId, int seq)
            throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        gcm.updateAAD(ByteBuffer.allocate(36).putLong(tenantId.getMostSignificantBits())
                .putLong(tenantId.getLeastSignificantBits()).putLong(sessionId.getMostSignificantBits())
                .putLong(sessionId.getLeastSignificantBits()).putInt(seq).array());
        return gcm;
    }
}
