package io.vigil.crypto.c2pa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/node/verify.mjs} (c2pa-rs as WebAssembly, and c2pa-ts) on a file and exposes its JSON
 * report. Installs the pinned npm packages with {@code npm ci} the first time; there is no skipping: without
 * Node 20+ and npm the tests fail and say so, because c2pa-rs is what proves our files correct.
 */
final class C2paRsVerifier {

    private static final Path NODE_DIR = Path.of(System.getProperty("basedir", "."), "src", "test", "node");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean installed;

    private C2paRsVerifier() {
    }

    /** The report for {@code file}; c2pa-rs checks trust against {@code anchorsPem}. */
    static Report verify(Path file, Path anchorsPem) {
        ensureInstalled();
        String output = run(List.of("node", "verify.mjs", file.toAbsolutePath().toString(),
                anchorsPem.toAbsolutePath().toString()), 120);
        try {
            return new Report(JSON.readTree(output));
        } catch (IOException e) {
            throw new AssertionError("verify.mjs did not print JSON:\n" + output, e);
        }
    }

    /** One verify.mjs report. */
    record Report(JsonNode json) {

        JsonNode c2paRs() {
            return json.path("c2paRs");
        }

        JsonNode c2paTs() {
            return json.path("c2paTs");
        }

        /** c2pa-rs's status codes of a kind: failure, informational, success, ingredientFailure, status. */
        List<String> c2paRsCodes(String kind) {
            List<String> codes = new ArrayList<>();
            c2paRs().path("statuses").forEach(s -> {
                if (s.path("kind").asText().equals(kind)) {
                    codes.add(s.path("code").asText());
                }
            });
            return codes;
        }

        /** c2pa-ts's failing status codes. */
        List<String> c2paTsFailures() {
            List<String> codes = new ArrayList<>();
            c2paTs().path("statuses").forEach(s -> {
                if (!s.path("success").asBoolean()) {
                    codes.add(s.path("code").asText());
                }
            });
            return codes;
        }

        JsonNode activeManifest() {
            JsonNode store = c2paRs().path("manifestStore");
            return store.path("manifests").path(store.path("active_manifest").asText());
        }

        /** c2pa-rs and c2pa-ts both read the file and found nothing wrong; c2pa-rs trusts the signer. */
        void assertCleanAndTrusted() {
            assertC2paRsCleanAndTrusted();
            assertTrue(c2paTs().path("ok").asBoolean(), () -> "c2pa-ts could not read the file: " + this);
            assertEquals(List.of(), c2paTsFailures(), () -> "c2pa-ts failures: " + this);
            assertTrue(c2paTs().path("isValid").asBoolean(), () -> "c2pa-ts says invalid: " + this);
        }

        /** c2pa-rs read the file, reports no failure at all, and trusts the signer. */
        void assertC2paRsCleanAndTrusted() {
            assertTrue(c2paRs().path("ok").asBoolean(), () -> "c2pa-rs could not read the file: " + this);
            assertEquals(List.of(), c2paRsCodes("failure"), () -> "c2pa-rs failures: " + this);
            assertEquals(List.of(), c2paRsCodes("ingredientFailure"), () -> "c2pa-rs ingredient failures: " + this);
            assertEquals(List.of(), c2paRsCodes("status"), () -> "c2pa-rs validation_status: " + this);
            assertEquals("Trusted", c2paRs().path("validationState").asText(), () -> "c2pa-rs state: " + this);
        }

        @Override
        public String toString() {
            return json.toPrettyString();
        }
    }

    private static synchronized void ensureInstalled() {
        if (installed || Files.isDirectory(NODE_DIR.resolve("node_modules/@contentauth/c2pa-wasm"))
                && Files.isDirectory(NODE_DIR.resolve("node_modules/@trustnxt/c2pa-ts"))) {
            installed = true;
            return;
        }
        run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        installed = true;
    }

    private static String run(List<String> command, int timeoutSeconds) {
        try {
            Path stderr = Files.createTempFile("c2pa-verifier", ".err");
            Process process = new ProcessBuilder(command).directory(NODE_DIR.toFile())
                    .redirectError(stderr.toFile()).start();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            String errors = Files.readString(stderr);
            Files.delete(stderr);
            if (process.exitValue() != 0) {
                fail(String.join(" ", command) + " in " + NODE_DIR + " exited " + process.exitValue() + ":\n" + errors);
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot run '" + String.join(" ", command) + "': the C2PA tests need Node.js 20+ and "
                    + "npm on the PATH (c2pa-rs runs as WebAssembly under Node). Install them, e.g. apt-get install nodejs npm", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + command, e);
        }
    }
}
