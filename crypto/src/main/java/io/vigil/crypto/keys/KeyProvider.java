package io.vigil.crypto.keys;

import java.security.PublicKey;
import java.util.List;

/**
 * Holds a tenant's key-encryption and signing keys, one versioned key per tenant and {@link KeyDomain}.
 * Key material never leaves the provider: callers hand in data keys to wrap and get them back unwrapped.
 *
 * <p>Lifecycle: {@link #createVersion} adds version n+1 (rotation); new data keys are wrapped under the
 * newest version; {@link #retireBelow} sets the minimum decryption version once older data keys have been
 * rewrapped; {@link #destroy} deletes a version's material (crypto-shredding everything it wrapped).
 *
 * <p>Implementations are thread-safe.
 */
public interface KeyProvider extends AutoCloseable {

    /** The id recorded in {@link KeyReference#providerId()}, e.g. {@code bcfks} or {@code pkcs11}. */
    String providerId();

    /**
     * Creates the next version of {@code name} (version 1 if none exists): an AES-256 key for data domains,
     * an EC P-256 key pair for {@link KeyDomain#SIGNING}.
     */
    KeyReference createVersion(KeyName name) throws KeyProviderException;

    /** The newest version of {@code name}; {@link KeyProviderException.Reason#UNKNOWN_KEY} if none. */
    KeyReference currentVersion(KeyName name) throws KeyProviderException;

    /** All versions of {@code name} ever created, oldest first, with their state. Empty if none. */
    List<KeyVersion> versions(KeyName name) throws KeyProviderException;

    /**
     * Encrypts a data key under the given key version, binding {@code associatedData}: the result only
     * unwraps with the same key version and the same associated data.
     */
    byte[] wrap(KeyReference kek, byte[] dataKey, byte[] associatedData) throws KeyProviderException;

    /** Reverses {@link #wrap}; fails with a specific reason if the version is retired, destroyed or wrong. */
    byte[] unwrap(KeyReference kek, byte[] wrappedKey, byte[] associatedData) throws KeyProviderException;

    /**
     * Sets the minimum decryption version of {@code name}: versions below it stop unwrapping. The newest
     * version can never be retired.
     */
    void retireBelow(KeyName name, int minimumVersion) throws KeyProviderException;

    /** Deletes the material of one version for good (crypto-shredding). Idempotent. */
    void destroy(KeyReference version) throws KeyProviderException;

    /** Signs {@code data} with SHA256withECDSA (DER signature) under a {@link KeyDomain#SIGNING} key version. */
    byte[] sign(KeyReference signingKey, byte[] data) throws KeyProviderException;

    /** The public half of a {@link KeyDomain#SIGNING} key version, for verifiers. */
    PublicKey publicKey(KeyReference signingKey) throws KeyProviderException;

    @Override
    void close() throws KeyProviderException;
}
