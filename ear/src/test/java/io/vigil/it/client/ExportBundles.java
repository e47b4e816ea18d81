package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * What the export tests over HTTP share: requesting an export and following it to the end, downloading it, the
 * recorded calls of the demo data, standard tools, and the offline verifier run as {@code ./vigil export verify}
 * runs it (its main class on the built EAR's EJB jar and libraries).
 */
final class ExportBundles {

    static final ObjectMapper JSON = new ObjectMapper();

    private ExportBundles() {
    }

    /** Posts the request and waits (as the console's progress bar does) until it is done; returns the export id. */
    static String requestAndWait(String token, String body) throws Exception {
        HttpResponse<String> created = TestStack.postJson("/api/v1/exports", token, body);
        assertEquals(202, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).path("id").asText();
        JsonNode state = JSON.createObjectNode();
        for (int i = 0; i < 1500 && !List.of("DONE", "FAILED").contains(state.path("state").asText()); i++) {
            Thread.sleep(200);
            state = JSON.readTree(TestStack.get("/api/v1/exports/" + id, token).body());
        }
        assertEquals("DONE", state.path("state").asText(), state.toString());
        return id;
    }

    static HttpResponse<byte[]> download(String token, String exportId) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestStack.baseUrl() + "/api/v1/exports/" + exportId + "/bundle"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Up to {@code n} of the newest calls that have a complete recording: their ids, as JSON strings. */
    static List<String> recordedCalls(String token, int n) throws Exception {
        JsonNode calls = JSON.readTree(TestStack.get("/api/v1/calls?limit=60", token).body());
        List<String> ids = new ArrayList<>();
        for (JsonNode call : calls.path("calls")) {
            String id = call.path("id").asText();
            if (ids.size() < n && !recordingDurations(token, id).isEmpty()) {
                ids.add(id);
            }
        }
        assertTrue(!ids.isEmpty(), "the demo data has recorded calls");
        return ids;
    }

    /** The durations of a call's complete recordings, in ms. */
    static List<Long> recordingDurations(String token, String callId) throws IOException {
        List<Long> durations = new ArrayList<>();
        JSON.readTree(TestStack.get("/api/v1/calls/" + callId, token).body()).path("recordings").forEach(r -> {
            if (r.path("complete").asBoolean()) {
                durations.add(r.path("durationMs").asLong());
            }
        });
        return durations;
    }

    static List<String> names(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        }
    }

    static byte[] entry(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = file.getInputStream(file.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    static boolean isZipWith(byte[] bytes, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy of the ZIP with one byte in the middle of entry {@code victim} flipped. */
    static Path withFlippedByte(Path from, String victim) throws IOException {
        Path to = from.resolveSibling("flipped-" + from.getFileName());
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : zip.stream().toList()) {
                byte[] content;
                try (InputStream in = zip.getInputStream(e)) {
                    content = in.readAllBytes();
                }
                if (e.getName().equals(victim)) {
                    content[content.length / 2] ^= 0x01;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        return to;
    }

    /** A command's exit status and its output (stdout and stderr). */
    record Run(int exit, String output) {
    }

    static Run run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Run(p.exitValue(), output);
    }

    /** {@code ./vigil export verify args...}: the same main class on the same jars as the launcher. */
    static Run verify(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", verifierClasspath(), "io.vigil.discovery.cli.ExportVerifyCli"));
        command.addAll(List.of(args));
        return run(dir, command.toArray(String[]::new));
    }

    private static synchronized String verifierClasspath() throws Exception {
        Path tools = Path.of(System.getProperty("basedir", "."), "target", "export-verifier");
        if (!Files.isDirectory(tools.resolve("lib"))) {
            Files.createDirectories(tools);
            Path ear = Path.of(System.getProperty("vigil.ear", "target/vigil.ear")).toAbsolutePath();
            Run unzip = run(tools, "unzip", "-q", "-o", ear.toString(), "vigil-ejb.jar", "lib/*");
            assertEquals(0, unzip.exit(), unzip.output());
        }
        return tools.resolve("vigil-ejb.jar") + ":" + tools.resolve("lib") + "/*";
    }
}
