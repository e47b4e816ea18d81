package io.vigil.crypto.bench;

import io.vigil.crypto.keys.BcfksKeyProvider;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.SoftHsmToken;
import java.nio.file.Files;
import java.nio.file.Path;

/** Key providers for the benchmarks: a fresh BCFKS keystore in a temporary folder, or the SoftHSM2 test token. */
final class BenchKeys {

    private BenchKeys() {
    }

    static KeyProvider open(String providerId) throws Exception {
        return switch (providerId) {
            case "bcfks" -> {
                Path dir = Files.createTempDirectory("vigil-bench-keys");
                yield BcfksKeyProvider.open(dir.resolve("keys.bcfks"), "bench-only-password".toCharArray());
            }
            case "pkcs11" -> SoftHsmToken.provider();
            default -> throw new IllegalArgumentException(providerId);
        };
    }
}
