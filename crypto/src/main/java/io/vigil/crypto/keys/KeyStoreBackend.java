package io.vigil.crypto.keys;

import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Provider;
import javax.crypto.SecretKey;

/**
 * What differs between a keystore file and a token: where keys are generated, which JCA provider runs
 * the crypto, how entries are protected and whether changes must be written back.
 */
interface KeyStoreBackend {

    KeyStore keyStore();

    /** The provider for AES-GCM and ECDSA with this backend's keys; {@code null} for the JCA default. */
    Provider cryptoProvider();

    /** Generates a fresh AES-256 key (inside the token for PKCS#11: sensitive and non-extractable). */
    SecretKey generateAesKey() throws Exception;

    /** Generates a fresh EC P-256 key pair (inside the token for PKCS#11). */
    KeyPair generateEcKeyPair() throws Exception;

    /** Protection for key entries: the keystore password for BCFKS, none for a logged-in token. */
    KeyStore.ProtectionParameter entryProtection();

    /** Writes changes back (a keystore file); a no-op where the token persists on its own. */
    void persist() throws Exception;

    void close();
}
