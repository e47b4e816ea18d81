package io.vigil.redaction.operator;

import io.vigil.redaction.DetectedEntity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Replaces a span with {@code [TYPE:enc:<base64url ciphertext>]}, encrypting the ORIGINAL characters so a break-glass
 * reader gets back exactly what was said. The type name is the associated data.
 */
public final class EncryptOperator implements RedactionOperator {

    private final ValueCipher cipher;

    public EncryptOperator(ValueCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String apply(DetectedEntity entity, String original) {
        byte[] ct = cipher.encrypt(original.getBytes(StandardCharsets.UTF_8),
                entity.type().name().getBytes(StandardCharsets.US_ASCII));
        return "[" + entity.type().name() + ":enc:" + Base64.getUrlEncoder().withoutPadding().encodeToString(ct) + "]";
    }
}
