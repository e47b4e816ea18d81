package io.vigil.audit.domain;

import io.vigil.crypto.audit.CheckpointSigner;
import io.vigil.crypto.keys.BcfksKeyProvider;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import java.nio.file.Path;

/**
 * Vigil's own checkpoint signing key: an EC P-256 key of the {@code signing} domain, named
 * {@code vigil/platform/signing}, in a BCFKS keystore. The first start creates the keystore and version 1 of the
 * key; later starts sign with the newest version. The private key never leaves the keystore provider.
 */
public final class CheckpointKeys implements AutoCloseable {

    public static final KeyName KEY_NAME = new KeyName("platform", KeyDomain.SIGNING);

    private final BcfksKeyProvider provider;
    private final CheckpointSigner signer;

    private CheckpointKeys(BcfksKeyProvider provider, CheckpointSigner signer) {
        this.provider = provider;
        this.signer = signer;
    }

    /** Opens the keystore at {@code keystore}, creating it and the key if either is missing. */
    public static CheckpointKeys openOrCreate(Path keystore, char[] password) throws KeyProviderException {
        BcfksKeyProvider provider = BcfksKeyProvider.open(keystore, password);
        try {
            KeyReference key = provider.versions(KEY_NAME).isEmpty()
                    ? provider.createVersion(KEY_NAME) : provider.currentVersion(KEY_NAME);
            return new CheckpointKeys(provider, CheckpointSigner.of(provider, key));
        } catch (KeyProviderException | RuntimeException e) {
            provider.close();
            throw e;
        }
    }

    public CheckpointSigner signer() {
        return signer;
    }

    @Override
    public void close() throws KeyProviderException {
        provider.close();
    }
}
