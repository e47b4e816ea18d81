package io.vigil.keys;

import io.vigil.crypto.keys.BcfksKeyProvider;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.Pkcs11KeyProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Opens the key provider a setting names. Plain Java, so the same code serves the application and the tests. */
final class KeyProviders {

    private KeyProviders() {
    }

    static KeyProvider open(String providerId, KeySettings settings) throws KeyProviderException {
        return switch (providerId) {
            case KeySettings.BCFKS -> BcfksKeyProvider.open(settings.keystoreFile(),
                    settings.keystorePassword().isPresent() ? settings.keystorePassword().get()
                            : secret(settings.keystorePasswordFile(), true));
            case KeySettings.PKCS11 -> Pkcs11KeyProvider.open(settings.pkcs11Library(),
                    Pkcs11KeyProvider.Slot.byIndex(settings.pkcs11SlotIndex()),
                    settings.pkcs11Pin().isPresent() ? settings.pkcs11Pin().get() : secret(settings.pkcs11PinFile(), false),
                    settings.pkcs11Ledger());
            default -> throw new IllegalStateException("unknown key provider " + providerId);
        };
    }

    /**
     * Reads a secret from its file. The keystore password may be generated here when the launcher did not provide
     * one (a domain set up by hand), owner-readable only; an HSM PIN never is: the token owner chooses it.
     */
    static char[] secret(Path file, boolean generateIfMissing) throws KeyProviderException {
        try {
            if (!Files.exists(file) && generateIfMissing) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random), StandardCharsets.UTF_8);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new KeyProviderException(KeyProviderException.Reason.PROVIDER_FAILURE,
                    "Cannot read the secret file " + file + ": check that it exists and the server may read it", e);
        }
    }
}
