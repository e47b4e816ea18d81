package io.vigil.crypto.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Keys in a Bouncy Castle FIPS-format keystore file (BCFKS): the embedded default provider, id {@code bcfks}.
 *
 * <p>The keystore password comes from the caller (an operator secret, an environment variable of the
 * deployment), never from the repository; it protects the file and every entry. Each change rewrites the
 * file through a temp file and an atomic rename. Lifecycle facts live in {@code <keystore>.ledger} next to it.
 *
 * <p>Crypto-shredding caveat: destroying a version removes it from the current file, but copies of older
 * files (backups, snapshots, unreclaimed disk blocks) still hold it. Where that matters, use an HSM
 * ({@link Pkcs11KeyProvider}) or keep the keystore off backed-up storage.
 */
public final class BcfksKeyProvider extends KeyringKeyProvider {

    public static final String PROVIDER_ID = "bcfks";
    private static final String KEYSTORE_TYPE = "BCFKS";

    private BcfksKeyProvider(KeyStoreKeyring keyring) {
        super(keyring);
    }

    /**
     * Opens the keystore at {@code keystore}, creating an empty one if the file does not exist.
     *
     * @param password the keystore password; copied, so the caller may clear its array afterwards
     */
    public static BcfksKeyProvider open(Path keystore, char[] password) throws KeyProviderException {
        Provider bc = new BouncyCastleProvider();
        char[] secret = password.clone();
        try {
            KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE, bc);
            if (Files.exists(keystore)) {
                try (InputStream in = Files.newInputStream(keystore)) {
                    store.load(in, secret);
                }
            } else {
                store.load(null, secret);
            }
            KeyLedger ledger = KeyLedger.open(keystore.resolveSibling(keystore.getFileName() + ".ledger"));
            return new BcfksKeyProvider(new KeyStoreKeyring(PROVIDER_ID, new FileBackend(keystore, store, bc, secret), ledger));
        } catch (IOException e) {
            Arrays.fill(secret, '\0');
            throw new KeyProviderException(KeyProviderException.Reason.PROVIDER_FAILURE,
                    "Cannot open the BCFKS keystore " + keystore + ": wrong password or damaged file (" + e.getMessage() + ")", e);
        } catch (java.security.GeneralSecurityException e) {
            Arrays.fill(secret, '\0');
            throw new KeyProviderException(KeyProviderException.Reason.PROVIDER_FAILURE,
                    "Cannot open the BCFKS keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    /** The keystore file; crypto runs in the JCA default providers (AES-NI accelerated SunJCE). */
    private static final class FileBackend implements KeyStoreBackend {
        private final Path file;
        private final KeyStore store;
        private final Provider bc;
        private final char[] password;
        private final SecureRandom random = new SecureRandom();

        FileBackend(Path file, KeyStore store, Provider bc, char[] password) {
            this.file = file;
            this.store = store;
            this.bc = bc;
            this.password = password;
        }

        @Override
        public KeyStore keyStore() {
            return store;
        }

        @Override
        public Provider cryptoProvider() {
            return null;
        }

        @Override
        public SecretKey generateAesKey() throws Exception {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        }

        @Override
        public KeyPair generateEcKeyPair() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        }

        @Override
        public KeyStore.ProtectionParameter entryProtection() {
            return new KeyStore.PasswordProtection(password);
        }

        @Override
        public void persist() throws Exception {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    store.store(out, password);
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        }

        @Override
        public void close() {
            Arrays.fill(password, '\0');
        }
    }
}
