package io.vigil.it.client;

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
 * c2pa-rs (its official WebAssembly build) and c2pa-ts judging files the running application produced: the crypto
 * module's {@code src/test/node/verify.mjs}, run by Node. Installs the pinned npm packages with {@code npm ci} when
 * they are missing; without Node and npm the test fails and says so, it is never skipped.
 */
final class C2paRs {

    private static final Path NODE_DIR = Path.of(System.getProperty("basedir", "."))
            .resolve("../crypto/src/test/node").normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private C2paRs() {
    }

    /** verify.mjs's report on {@code file} with {@code anchorsPem} as c2pa-rs's trust anchors. */
    static JsonNode verify(Path file, Path anchorsPem) {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@contentauth/c2pa-wasm"))
                || !Files.isDirectory(NODE_DIR.resolve("node_modules/@trustnxt/c2pa-ts"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
        String out = run(List.of("node", "verify.mjs", file.toAbsolutePath().toString(), anchorsPem.toAbsolutePath().toString()));
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("verify.mjs did not print JSON:\n" + out, e);
        }
    }

    /** c2pa-rs's status codes of one kind (failure, success, informational, ingredientFailure, status). */
    static List<String> codes(JsonNode report, String kind) {
        List<String> codes = new ArrayList<>();
        report.path("c2paRs").path("statuses").forEach(s -> {
            if (s.path("kind").asText().equals(kind)) {
                codes.add(s.path("code").asText());
            }
        });
        return codes;
    }

    /** c2pa-ts's failing codes. */
    static List<String> c2paTsFailures(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.path("c2paTs").path("statuses").forEach(s -> {
            if (!s.path("success").asBoolean()) {
                codes.add(s.path("code").asText());
            }
        });
        return codes;
    }

    static String state(JsonNode report) {
        return report.path("c2paRs").path("validationState").asText();
    }

    private static String run(List<String> command) {
        try {
            Path stderr = Files.createTempFile("c2pa-rs", ".err");
            Process process = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectError(stderr.toFile()).start();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                fail(String.join(" ", command) + " in " + NODE_DIR + " exited " + process.exitValue() + ":\n"
                        + Files.readString(stderr));
            }
            Files.delete(stderr);
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command + ": the C2PA tests need Node.js 20+ and npm on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
