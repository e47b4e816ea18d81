package io.vigil.redaction.operator;

import io.vigil.redaction.DetectedEntity;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymises a span as {@code [TYPE:hhhhhhhhhhhhhhhh]}, the first 8 bytes of HMAC-SHA256(tenantKey, TYPE ":"
 * canonical value). The same value gives the same token within a tenant, so analysts can still join calls about the
 * same card, while different tenants' keys give unrelated tokens and a plain hash's dictionary attack on short values
 * (PINs, SSNs) needs the key. The canonical value is hashed, not the spoken text, so "four one one one" and "4111"
 * agree.
 */
public final class KeyedHashOperator implements RedactionOperator {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int TOKEN_BYTES = 8;
    private final SecretKeySpec key;

    /** @param tenantKey at least 16 bytes of secret key material for one tenant */
    public KeyedHashOperator(byte[] tenantKey) {
        if (tenantKey == null || tenantKey.length < 16) {
            throw new IllegalArgumentException("A tenant hash key needs at least 16 bytes; fetch the tenant's key "
                    + "from the key-management module instead of deriving one from a password.");
        }
        this.key = new SecretKeySpec(tenantKey.clone(), ALGORITHM);
    }

    @Override
    public String apply(DetectedEntity entity, String original) {
        String value = entity.canonicalValue() != null ? entity.canonicalValue() : original;
        return "[" + entity.type().name() + ":" + token(entity.type().name(), value) + "]";
    }

    /** The hex token for a type and value; exposed so lookups ("was this card seen?") need no detection. */
    public String token(String type, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] h = mac.doFinal((type + ":" + canonical(value)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, TOKEN_BYTES);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Tenant hash key rejected by HmacSHA256", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JRE", e);
        }
    }

    /** Spacing and separators do not change who the value identifies. */
    private static String canonical(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '@' || c == '.') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
