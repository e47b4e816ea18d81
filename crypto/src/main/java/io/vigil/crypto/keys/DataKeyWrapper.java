package io.vigil.crypto.keys;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Envelope encryption on top of a {@link KeyProvider}: makes fresh 256-bit data keys, wraps them under the
 * newest version of a tenant's key, unwraps them, and rewraps them under a newer version after rotation
 * (without touching the data they encrypt).
 *
 * <p>The associated data given to the provider is
 * {@code "vigil/dek/v1" || u16 len || providerId || u16 len || keyId || u32 version || caller's associated data}
 * (lengths and integers big-endian, strings UTF-8), so a wrapped key only unwraps for the exact key version
 * and the exact context (tenant, session, track, data class) it was made for.
 */
public final class DataKeyWrapper {

    /** Data keys are AES-256 keys. */
    public static final int DATA_KEY_BYTES = 32;
    private static final byte[] LABEL = "vigil/dek/v1".getBytes(StandardCharsets.US_ASCII);

    private final KeyProvider provider;
    private final SecureRandom random = new SecureRandom();

    private DataKeyWrapper(KeyProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    public static DataKeyWrapper create(KeyProvider provider) {
        return new DataKeyWrapper(provider);
    }

    public String providerId() {
        return provider.providerId();
    }

    /** A fresh random data key, wrapped under the newest version of {@code kek}. */
    public DataKey newDataKey(KeyName kek, byte[] associatedData) throws KeyProviderException {
        byte[] plaintext = new byte[DATA_KEY_BYTES];
        random.nextBytes(plaintext);
        KeyReference current = provider.currentVersion(kek);
        byte[] ciphertext = provider.wrap(current, plaintext, boundAssociatedData(current, associatedData));
        return new DataKey(plaintext, new WrappedDataKey(current, ciphertext));
    }

    /** The plaintext data key; fails with the provider's reason (retired, destroyed, wrong key or data). */
    public byte[] unwrap(WrappedDataKey wrapped, byte[] associatedData) throws KeyProviderException {
        byte[] plaintext = provider.unwrap(wrapped.kek(), wrapped.ciphertext(), boundAssociatedData(wrapped.kek(), associatedData));
        if (plaintext.length != DATA_KEY_BYTES) {
            throw new KeyProviderException(KeyProviderException.Reason.UNWRAP_FAILED,
                    "Unwrapped data key has " + plaintext.length + " bytes, expected " + DATA_KEY_BYTES);
        }
        return plaintext;
    }

    /** Re-encrypts a data key under the newest version of its key name, e.g. before retiring old versions. */
    public WrappedDataKey rewrap(WrappedDataKey wrapped, byte[] associatedData) throws KeyProviderException {
        byte[] plaintext = unwrap(wrapped, associatedData);
        try {
            KeyReference current = provider.currentVersion(wrapped.kek().name());
            return new WrappedDataKey(current, provider.wrap(current, plaintext, boundAssociatedData(current, associatedData)));
        } finally {
            java.util.Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static byte[] boundAssociatedData(KeyReference kek, byte[] associatedData) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(LABEL);
            writeString(out, kek.providerId());
            writeString(out, kek.keyId());
            out.writeInt(kek.version());
            out.write(associatedData);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeShort(utf8.length);
        out.write(utf8);
    }
}
