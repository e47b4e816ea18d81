package io.vigil.redaction.operator;

/**
 * Encrypts one redacted value. The key-management module plugs its own implementation in (HSM, per-tenant keys);
 * {@link AesGcmValueCipher} is the local one. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ValueCipher {

    /**
     * @param plaintext      the value's bytes
     * @param associatedData bound to the ciphertext but not encrypted (the entity type), so a value cannot be
     *                       replayed as another type
     * @return an opaque, self-contained ciphertext
     */
    byte[] encrypt(byte[] plaintext, byte[] associatedData);
}
