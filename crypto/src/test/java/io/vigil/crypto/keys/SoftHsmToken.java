package io.vigil.crypto.keys;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A SoftHSM2 token made for this test JVM: a project-local configuration at {@code $SOFTHSM2_CONF} (set by
 * the surefire configuration in crypto/pom.xml), a fresh token directory, a token initialised with
 * {@code softhsm2-util}, and one logged-in {@link Pkcs11KeyProvider} shared by all tests (SoftHSM2 is
 * initialised once per process, so one token per JVM).
 *
 * <p>Fails (never skips) when SoftHSM2 is missing: CI must install it ({@code apt-get install softhsm2}).
 */
public final class SoftHsmToken {

    static final Path LIBRARY = Path.of(System.getenv().getOrDefault("VIGIL_PKCS11_LIBRARY", "/usr/lib/softhsm/libsofthsm2.so"));
    private static final String LABEL = "vigil-test";
    private static final String SO_PIN = "test-only-so-pin";
    private static final char[] USER_PIN = "test-only-pin".toCharArray();

    private static Pkcs11KeyProvider provider;

    private SoftHsmToken() {
    }

    public static synchronized Pkcs11KeyProvider provider() throws Exception {
        if (provider == null) {
            Path config = requireSoftHsm();
            Path tokens = config.resolveSibling("tokens");
            deleteRecursively(tokens);
            Files.createDirectories(tokens);
            Files.writeString(config, "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\nlog.level = ERROR\n",
                    StandardCharsets.UTF_8);
            run(config, "softhsm2-util", "--init-token", "--free", "--label", LABEL, "--so-pin", SO_PIN, "--pin", new String(USER_PIN));
            // the only initialised token is the first slot in the list; the free slot follows it
            provider = Pkcs11KeyProvider.open(LIBRARY, Pkcs11KeyProvider.Slot.byIndex(0), USER_PIN, config.resolveSibling("pkcs11.ledger"));
        }
        return provider;
    }

    private static Path requireSoftHsm() {
        if (!Files.isRegularFile(LIBRARY)) {
            fail("SoftHSM2 is not installed (no " + LIBRARY + "). Install it with 'apt-get install -y softhsm2' "
                    + "or point VIGIL_PKCS11_LIBRARY at libsofthsm2.so; the PKCS#11 tests need it and do not skip.");
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || conf.isBlank()) {
            fail("SOFTHSM2_CONF is not set in this JVM's environment. Run the tests with 'mvn -pl crypto test' (surefire sets it), "
                    + "or set SOFTHSM2_CONF=<writable dir>/softhsm2.conf for your IDE run.");
        }
        Path config = Path.of(conf).toAbsolutePath();
        try {
            Files.createDirectories(config.getParent());
        } catch (IOException e) {
            fail("Cannot create " + config.getParent() + " for the SoftHSM2 configuration: " + e.getMessage());
        }
        return config;
    }

    private static void run(Path config, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", config.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command[0] + ": is softhsm2 installed ('apt-get install -y softhsm2')?", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", command[0], command[1]) + " failed: " + output);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
