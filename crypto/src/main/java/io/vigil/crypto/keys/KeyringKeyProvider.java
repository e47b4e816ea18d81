package io.vigil.crypto.keys;

import java.security.PublicKey;
import java.util.List;

/**
 * A {@link KeyProvider} whose key versions live as entries of a JCA {@link java.security.KeyStore} (a BCFKS file or a
 * PKCS#11 token): every operation is the shared {@link KeyStoreKeyring}'s; subclasses only open the store.
 */
abstract class KeyringKeyProvider implements KeyProvider {

    private final KeyStoreKeyring keyring;

    KeyringKeyProvider(KeyStoreKeyring keyring) {
        this.keyring = keyring;
    }

    @Override
    public KeyReference createVersion(KeyName name) throws KeyProviderException {
        return keyring.createVersion(name);
    }

    @Override
    public KeyReference currentVersion(KeyName name) throws KeyProviderException {
        return keyring.currentVersion(name);
    }

    @Override
    public List<KeyVersion> versions(KeyName name) throws KeyProviderException {
        return keyring.versions(name);
    }

    @Override
    public byte[] wrap(KeyReference kek, byte[] dataKey, byte[] associatedData) throws KeyProviderException {
        return keyring.wrap(kek, dataKey, associatedData);
    }

    @Override
    public byte[] unwrap(KeyReference kek, byte[] wrappedKey, byte[] associatedData) throws KeyProviderException {
        return keyring.unwrap(kek, wrappedKey, associatedData);
    }

    @Override
    public void retireBelow(KeyName name, int minimumVersion) throws KeyProviderException {
        keyring.retireBelow(name, minimumVersion);
    }

    @Override
    public void destroy(KeyReference version) throws KeyProviderException {
        keyring.destroy(version);
    }

    @Override
    public byte[] sign(KeyReference signingKey, byte[] data) throws KeyProviderException {
        return keyring.sign(signingKey, data);
    }

    @Override
    public PublicKey publicKey(KeyReference signingKey) throws KeyProviderException {
        return keyring.publicKey(signingKey);
    }

    @Override
    public void close() {
        keyring.close();
    }
}
