package io.vigil.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySettingsTest {

    @TempDir
    Path dir;

    private KeySettings settings(Map<String, String> values) {
        return new KeySettings(values::get, dir);
    }

    @Test
    void bcfksUnderTheStateFolderIsTheDefault() {
        KeySettings none = settings(Map.of());
        assertEquals("bcfks", none.providerFor("acme-bank"));
        assertEquals(dir.resolve("keys.bcfks"), none.keystoreFile());
        assertEquals(dir.resolve("blobs"), none.blobDir());
    }

    @Test
    void aTenantCanHaveItsOwnProvider() {
        KeySettings mixed = settings(Map.of("vigil.keys.tenant.acme-bank.provider", "pkcs11"));
        assertEquals("pkcs11", mixed.providerFor("acme-bank"));
        assertEquals("bcfks", mixed.providerFor("northwind-health"));
    }

    @Test
    void anUnknownProviderIsRefusedWithTheChoices() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> settings(Map.of("vigil.keys.provider", "vault")).providerFor("acme-bank"));
        assertTrue(e.getMessage().contains("bcfks or pkcs11"));
    }

    @Test
    void pkcs11NeedsItsLibraryNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> settings(Map.of()).pkcs11Library());
        assertTrue(e.getMessage().contains("vigil.keys.pkcs11.library"));
        assertEquals(3, settings(Map.of("vigil.keys.pkcs11.slot", "3")).pkcs11SlotIndex());
    }

    @Test
    void secretsComeFromTheSettingsWhenGiven() {
        KeySettings given = settings(Map.of("vigil.keys.bcfks.password", " s3cret ", "vigil.keys.pkcs11.pin", "1234"));
        assertArrayEquals("s3cret".toCharArray(), given.keystorePassword().orElseThrow());
        assertArrayEquals("1234".toCharArray(), given.pkcs11Pin().orElseThrow());
        assertTrue(settings(Map.of()).keystorePassword().isEmpty());
    }

    @Test
    void aMissingKeystorePasswordIsGeneratedOnceOwnerReadableOnly() throws Exception {
        Path file = dir.resolve("secrets/keystore.pass");
        char[] first = KeyProviders.secret(file, true);
        char[] again = KeyProviders.secret(file, true);
        assertArrayEquals(first, again);
        assertTrue(first.length >= 24);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aMissingPinIsNeverInvented() {
        assertThrows(Exception.class, () -> KeyProviders.secret(dir.resolve("no-pin"), false));
    }
}
