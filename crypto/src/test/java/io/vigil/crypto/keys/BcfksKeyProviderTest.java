package io.vigil.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BcfksKeyProviderTest extends KeyProviderContract {

    private static final char[] PASSWORD = "test-only-password".toCharArray();

    @TempDir
    static Path directory;
    private static BcfksKeyProvider provider;

    @BeforeAll
    static void open() throws Exception {
        provider = BcfksKeyProvider.open(directory.resolve("keys.bcfks"), PASSWORD);
    }

    @AfterAll
    static void close() {
        provider.close();
    }

    @Override
    KeyProvider provider() {
        return provider;
    }

    @Test
    void keysAndLifecycleSurviveReopening(@TempDir Path own) throws Exception {
        Path file = own.resolve("reopen.bcfks");
        KeyName name = new KeyName("acme", KeyDomain.AUDIO);
        byte[] key = dataKey();
        byte[] wrapped;
        KeyReference v1;
        try (BcfksKeyProvider first = BcfksKeyProvider.open(file, PASSWORD)) {
            v1 = first.createVersion(name);
            wrapped = first.wrap(v1, key, new byte[0]);
            first.createVersion(name);
            first.retireBelow(name, 2);
        }
        try (BcfksKeyProvider second = BcfksKeyProvider.open(file, PASSWORD)) {
            assertEquals(2, second.currentVersion(name).version());
            assertEquals(KeyProviderException.Reason.VERSION_RETIRED, failure(() -> second.unwrap(v1, wrapped, new byte[0])));
        }
        try (Stream<Path> files = Files.list(own)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".tmp")), "no temp files left behind");
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage(@TempDir Path own) throws Exception {
        Path file = own.resolve("locked.bcfks");
        try (BcfksKeyProvider created = BcfksKeyProvider.open(file, PASSWORD)) {
            created.createVersion(new KeyName("acme", KeyDomain.AUDIO));
        }
        KeyProviderException e = assertThrows(KeyProviderException.class, () -> BcfksKeyProvider.open(file, "wrong".toCharArray()));
        assertEquals(KeyProviderException.Reason.PROVIDER_FAILURE, e.reason());
    }
}
