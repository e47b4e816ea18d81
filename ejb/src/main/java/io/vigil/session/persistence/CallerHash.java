package io.vigil.session.persistence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The only form in which a caller's number or reference is stored: HMAC-SHA256 under the install's secret
 * {@code vigil.caller-hash-key}, over the tenant id and the reference, as 64 hex digits. A keyed hash, not a plain
 * one, because phone numbers are few enough to be hashed exhaustively; the tenant is in the input so the same
 * caller is not linkable across tenants. Repeat calls of one caller within a tenant still match.
 */
public final class CallerHash {

    private final SecretKeySpec key;

    private CallerHash(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** @param secret the setting's value; at least 16 characters (the launcher generates 36 hex digits) */
    public static CallerHash create(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("the setting vigil.caller-hash-key is missing or shorter than 16"
                    + " characters; ./vigil writes one into vigil.properties");
        }
        return new CallerHash(secret.getBytes(StandardCharsets.UTF_8));
    }

    public String of(UUID tenantId, String callerReference) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(tenantId.toString().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(callerReference.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
