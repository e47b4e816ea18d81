package io.vigil.crypto.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The public key that verifies checkpoint signatures: EC P-256. Its key id is, as C2SP signed-note defines it
 * for ECDSA keys, the first four bytes of SHA-256 over the DER SubjectPublicKeyInfo; it tells a verifier which
 * signature line is its key's. Auditors receive it as a PEM {@code PUBLIC KEY} file ({@link #toPem()}).
 */
public final class CheckpointKey {

    private final ECPublicKey key;
    private final byte[] keyId;

    private CheckpointKey(ECPublicKey key) {
        this.key = key;
        try {
            this.keyId = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Wraps an EC P-256 public key; anything else is refused. */
    public static CheckpointKey of(PublicKey key) {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("Audit checkpoints are signed with EC P-256 keys; got a " + key.getAlgorithm() + " key");
        }
        return new CheckpointKey(ec);
    }

    /** Reads a PEM {@code -----BEGIN PUBLIC KEY-----} block holding an EC P-256 key. */
    public static CheckpointKey fromPem(String pem) throws AuditFormatException {
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new AuditFormatException("The public key file needs a '" + begin + "' ... '" + end + "' block (PEM SubjectPublicKeyInfo)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to).strip());
            return of(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AuditFormatException("The public key file does not hold an EC P-256 public key: " + e.getMessage(), e);
        }
    }

    /** The key as PEM, 64 base64 characters a line. */
    public String toPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    public PublicKey publicKey() {
        return key;
    }

    /** The 4-byte key id. */
    public byte[] keyId() {
        return keyId.clone();
    }

    /** The key id as 8 lower-case hex digits, for people. */
    public String keyIdHex() {
        return String.format("%02x%02x%02x%02x", keyId[0], keyId[1], keyId[2], keyId[3]);
    }

    boolean hasKeyId(byte[] candidate) {
        return MessageDigest.isEqual(keyId, candidate);
    }

    /** Whether {@code derSignature} is this key's SHA256withECDSA signature over {@code message}. */
    boolean verifies(byte[] message, byte[] derSignature) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(derSignature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
