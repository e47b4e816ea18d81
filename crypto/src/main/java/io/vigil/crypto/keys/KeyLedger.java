package io.vigil.crypto.keys;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The non-secret lifecycle facts a keystore cannot hold: per key id, the highest version ever created and
 * the minimum decryption version. Kept because once the newest version is destroyed its alias is gone, and a
 * keystore has nowhere to record a retirement.
 *
 * <p>File format: a Java properties file (UTF-8) with {@code <keyId>.latest=<n>} and
 * {@code <keyId>.minimumVersion=<m>}. Rewritten via a temp file and an atomic rename so a crash leaves the
 * old or the new state, never a torn one. Losing the file never exposes key material: versions still present
 * in the keystore are rediscovered from their aliases, only retirements must then be set again.
 */
final class KeyLedger {

    private final Path file;
    private final Properties entries = new Properties();

    private KeyLedger(Path file) {
        this.file = file;
    }

    static KeyLedger open(Path file) throws KeyProviderException {
        KeyLedger ledger = new KeyLedger(file);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ledger.entries.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new KeyProviderException(KeyProviderException.Reason.PROVIDER_FAILURE,
                        "Cannot read the key ledger " + file + "; restore it from backup or delete it to rediscover versions from the keystore", e);
            }
        }
        return ledger;
    }

    int latest(KeyName name) {
        return intValue(name.keyId() + ".latest", 0);
    }

    int minimumVersion(KeyName name) {
        return intValue(name.keyId() + ".minimumVersion", 1);
    }

    void recordLatest(KeyName name, int version) throws KeyProviderException {
        entries.setProperty(name.keyId() + ".latest", Integer.toString(version));
        save();
    }

    void recordMinimumVersion(KeyName name, int version) throws KeyProviderException {
        entries.setProperty(name.keyId() + ".minimumVersion", Integer.toString(version));
        save();
    }

    private int intValue(String key, int fallback) {
        String value = entries.getProperty(key);
        return value == null ? fallback : Integer.parseInt(value.trim());
    }

    private void save() throws KeyProviderException {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    entries.store(out, "Vigil key lifecycle ledger: no secrets; do not edit while the service runs");
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new KeyProviderException(KeyProviderException.Reason.PROVIDER_FAILURE,
                    "Cannot write the key ledger " + file + ": check the directory is writable", e);
        }
    }
}
