package io.vigil.crypto.keys;

import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.security.auth.login.LoginException;

/**
 * Keys on a PKCS#11 token (an HSM; SoftHSM2 in tests) through Java 17's SunPKCS11, provider id {@code pkcs11}.
 *
 * <p>Keys are generated inside the token as sensitive and non-extractable (the SunPKCS11 {@code attributes}
 * template below sets {@code CKA_SENSITIVE=true}, {@code CKA_EXTRACTABLE=false}), then stored as token objects
 * labelled {@code vigil/<tenant>/<domain>/v<n>}; they never leave it. Data keys are wrapped by AES-256-GCM
 * encryption inside the token, not CKM_AES_KEY_WRAP: SunPKCS11 passes an IV parameter that SoftHSM2 2.6
 * rejects for that mechanism. Destroying a version destroys the token object.
 *
 * <p>The user PIN comes from the caller. Lifecycle facts the token cannot hold (highest version created,
 * minimum decryption version) live in a {@link KeyLedger} file the caller names.
 */
public final class Pkcs11KeyProvider extends KeyringKeyProvider {

    public static final String PROVIDER_ID = "pkcs11";

    /** Which token slot to use: by position in the slot list, or by the slot id softhsm2-util prints. */
    public record Slot(String configLine) {
        public static Slot byIndex(int slotListIndex) {
            return new Slot("slotListIndex = " + slotListIndex);
        }

        public static Slot byId(long slotId) {
            return new Slot("slot = " + slotId);
        }
    }

    private Pkcs11KeyProvider(KeyStoreKeyring keyring) {
        super(keyring);
    }

    /**
     * Logs in to the token in {@code slot} of the PKCS#11 {@code library}.
     *
     * @param pin the user PIN; copied into the login only
     * @param ledgerFile where to keep the version ledger (not secret)
     */
    public static Pkcs11KeyProvider open(Path library, Slot slot, char[] pin, Path ledgerFile) throws KeyProviderException {
        Provider provider;
        try {
            provider = Security.getProvider("SunPKCS11").configure(sunPkcs11Config(library, slot));
        } catch (RuntimeException e) {
            throw new KeyProviderException(KeyProviderException.Reason.PROVIDER_FAILURE, "Cannot load PKCS#11 library " + library
                    + " (" + slot.configLine() + "): is the library installed and the token initialised? " + e.getMessage(), e);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return new Pkcs11KeyProvider(new KeyStoreKeyring(PROVIDER_ID, new TokenBackend(store, provider), KeyLedger.open(ledgerFile)));
        } catch (KeyProviderException e) {
            throw e;
        } catch (Exception e) {
            throw new KeyProviderException(KeyProviderException.Reason.PROVIDER_FAILURE,
                    "Cannot log in to the PKCS#11 token (" + slot.configLine() + "): check the PIN and the slot. " + e.getMessage(), e);
        }
    }

    /**
     * The SunPKCS11 configuration (inline form). The templates make every generated AES key and EC private
     * key sensitive and non-extractable; copying them onto the token keeps those attributes.
     */
    static String sunPkcs11Config(Path library, Slot slot) {
        return String.join("\n",
                "--name = Vigil",
                "library = " + library.toAbsolutePath(),
                slot.configLine(),
                "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {",
                "  CKA_SENSITIVE = true",
                "  CKA_EXTRACTABLE = false",
                "}",
                "attributes(generate, CKO_PRIVATE_KEY, CKK_EC) = {",
                "  CKA_SENSITIVE = true",
                "  CKA_EXTRACTABLE = false",
                "}",
                "");
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    /** The logged-in token: generation and crypto run inside it; changes persist as token objects at once. */
    private static final class TokenBackend implements KeyStoreBackend {
        private final KeyStore store;
        private final Provider provider;

        TokenBackend(KeyStore store, Provider provider) {
            this.store = store;
            this.provider = provider;
        }

        @Override
        public KeyStore keyStore() {
            return store;
        }

        @Override
        public Provider cryptoProvider() {
            return provider;
        }

        @Override
        public SecretKey generateAesKey() throws Exception {
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256);
            return generator.generateKey();
        }

        @Override
        public KeyPair generateEcKeyPair() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }

        @Override
        public KeyStore.ProtectionParameter entryProtection() {
            return null;
        }

        @Override
        public void persist() {
            // token objects are stored by the token itself when created or destroyed
        }

        @Override
        public void close() {
            try {
                ((AuthProvider) provider).logout();
            } catch (LoginException e) {
                // the session ends with the provider anyway; nothing to recover here
            }
        }
    }
}
