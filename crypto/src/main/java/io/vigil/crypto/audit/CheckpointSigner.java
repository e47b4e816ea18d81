package io.vigil.crypto.audit;

import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;

/**
 * Vigil's own key for signing audit checkpoints: ECDSA P-256 with SHA-256, DER signatures. The signature line
 * names the key after the log's origin (see {@link SignedCheckpoint}). The private key stays
 * where it is: {@link #of(String, KeyProvider, KeyReference)} signs inside the key provider (an HSM for
 * {@code pkcs11}), {@link #of(String, PrivateKey, PublicKey)} with any JCA key.
 */
public interface CheckpointSigner {

    /** The verifying key, published to auditors as a PEM {@code PUBLIC KEY}. */
    CheckpointKey key();

    /** A DER SHA256withECDSA signature over {@code message}. */
    byte[] sign(byte[] message) throws GeneralSecurityException;

    /** Signs with a {@code signing}-domain key version of a key provider. */
    static CheckpointSigner of(KeyProvider provider, KeyReference signingKey) throws KeyProviderException {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(signingKey, "signingKey");
        CheckpointKey key = CheckpointKey.of(provider.publicKey(signingKey));
        return simple(key, message -> provider.sign(signingKey, message));
    }

    /** Signs with a JCA EC P-256 private key. */
    static CheckpointSigner of(PrivateKey privateKey, PublicKey publicKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        CheckpointKey key = CheckpointKey.of(publicKey);
        return simple(key, message -> {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        });
    }

    private static CheckpointSigner simple(CheckpointKey key, SigningFunction function) {
        return new CheckpointSigner() {
            @Override
            public CheckpointKey key() {
                return key;
            }

            @Override
            public byte[] sign(byte[] message) throws GeneralSecurityException {
                return function.sign(message);
            }
        };
    }

    /** Produces a DER signature; the one thing that differs between key locations. */
    @FunctionalInterface
    interface SigningFunction {
        byte[] sign(byte[] message) throws GeneralSecurityException;
    }
}
