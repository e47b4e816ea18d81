package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * C2PA provenance of what the running application produces, judged by c2pa-rs (WebAssembly, under Node) with the
 * application's demo root as the only trust anchor: a demo recording as the call page plays it back, files signed
 * through {@code POST /api/v1/c2pa/sign}; and {@code POST /api/v1/c2pa/verify} agreeing with c2pa-rs (Trusted, and
 * assertion.dataHash.mismatch for a flipped audio byte), its roles, its answers to bad input, the call page's
 * provenance panel and the "Verify a file" page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProvenanceIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Browser browser;
    private static byte[] playedBack;
    private static String callId;
    private static Path directory;
    private static Path root;

    @BeforeAll
    static void playADemoRecording() throws IOException {
        directory = Files.createTempDirectory("provenance-it");
        HttpResponse<String> pem = TestStack.get("/api/v1/c2pa/trust-root", TestStack.userToken("acme-compliance"));
        assertEquals(200, pem.statusCode(), pem::body);
        assertTrue(pem.body().startsWith("-----BEGIN CERTIFICATE-----"), pem::body);
        root = Files.writeString(directory.resolve("vigil-root.pem"), pem.body());

        browser = new Browser();
        browser.open("/calls.xhtml", "acme-compliance");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.call-link")));
        String recording = null;
        for (String link : browser.driver.findElements(By.cssSelector("a.call-link")).stream().map(a -> a.getAttribute("href")).toList()) {
            browser.driver.get(link);
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call")));
            // other tests record too (unsigned test tracks, live calls' agent tracks): take a signed mixed recording
            var provenance = browser.driver.findElements(By.id("provenance"));
            if (provenance.isEmpty() || !provenance.get(0).getText().contains("compositeWithTrainedAlgorithmicMedia")) {
                continue;
            }
            var mixed = browser.driver.findElements(By.xpath("//audio[contains(@class, 'vigil-player')]"
                    + "[following-sibling::small[contains(., 'mixed track')]]"));
            if (!mixed.isEmpty()) {
                recording = URI.create(mixed.get(0).getAttribute("data-recording")).getPath();
                callId = link.substring(link.indexOf("id=") + 3).split("&")[0];
                break;
            }
        }
        assertTrue(recording != null, "one of the most recent demo calls has a signed recording");
        String panel = browser.driver.findElement(By.id("provenance")).getText();
        assertTrue(panel.contains("compositeWithTrainedAlgorithmicMedia") && panel.contains("c2pa.created"), panel);
        HttpResponse<byte[]> wav = RecordingPlaybackIT.ConsoleSession.of(browser).get(recording, null);
        assertEquals(200, wav.statusCode());
        playedBack = wav.body();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPlayedBackDemoRecordingIsTrustedByC2paRsAndC2paTs() throws IOException {
        JsonNode report = C2paRs.verify(Files.write(directory.resolve("demo.wav"), playedBack), root);

        assertEquals("Trusted", C2paRs.state(report), report::toPrettyString);
        assertEquals(List.of(), C2paRs.codes(report, "failure"), report::toPrettyString);
        assertTrue(C2paRs.codes(report, "success").contains("assertion.dataHash.match"));
        assertEquals(List.of(), C2paRs.c2paTsFailures(report), report::toPrettyString);
        JsonNode store = report.path("c2paRs").path("manifestStore");
        String actions = store.path("manifests").path(store.path("active_manifest").asText()).path("assertions").toString();
        assertTrue(actions.contains("compositeWithTrainedAlgorithmicMedia"), actions);
    }

    @Test
    void theVerifyApiAgreesWithC2paRsOnTheRecordingAndOnAFlippedByte() throws IOException {
        String officer = TestStack.userToken("acme-compliance");
        JsonNode intact = json(post("/api/v1/c2pa/verify", officer, "application/octet-stream", playedBack));
        assertEquals("Trusted", intact.path("state").asText(), intact::toPrettyString);
        assertTrue(intact.path("signer").asText().contains("C2PA signer"), intact::toPrettyString);
        assertEquals("c2pa.created", intact.path("actions").get(0).path("action").asText());

        byte[] flipped = playedBack.clone();
        flipped[100] ^= 0x01;   // a sample of the audio, inside the hashed range
        JsonNode ours = json(post("/api/v1/c2pa/verify", officer, "audio/wav", flipped));
        JsonNode c2paRs = C2paRs.verify(Files.write(directory.resolve("flipped.wav"), flipped), root);

        assertEquals("Invalid", ours.path("state").asText());
        assertTrue(C2paRs.codes(c2paRs, "failure").contains("assertion.dataHash.mismatch"), c2paRs::toPrettyString);
        assertTrue(C2paRs.c2paTsFailures(c2paRs).contains("assertion.dataHash.mismatch"), c2paRs::toPrettyString);
        assertEquals("assertion.dataHash.mismatch", ours.path("validationCodes").get(0).path("code").asText(), ours::toPrettyString);
    }

    @Test
    void aMultipartUploadIsVerifiedToo() {
        String boundary = "vigil-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"call.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + playedBack.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(playedBack, 0, body, head.length, playedBack.length);
        System.arraycopy(tail, 0, body, head.length + playedBack.length, tail.length);

        HttpResponse<String> response = post("/api/v1/c2pa/verify", TestStack.userToken("acme-legal"),
                "multipart/form-data; boundary=" + boundary, body);

        assertEquals(200, response.statusCode(), response::body);
        assertEquals("Trusted", json(response).path("state").asText());
    }

    @Test
    void filesSignedThroughTheApiAreTrustedByC2paRs() throws IOException {
        HttpResponse<byte[]> signed = postBytes("/api/v1/c2pa/sign?type=agent&title=agent-reply",
                TestStack.userToken("acme-admin"), playedBack);
        assertEquals(200, signed.statusCode());

        JsonNode report = C2paRs.verify(Files.write(directory.resolve("agent.wav"), signed.body()), root);
        assertEquals("Trusted", C2paRs.state(report), report::toPrettyString);
        assertEquals(List.of(), C2paRs.codes(report, "failure"), report::toPrettyString);
        JsonNode store = report.path("c2paRs").path("manifestStore");
        JsonNode active = store.path("manifests").path(store.path("active_manifest").asText());
        assertTrue(active.path("assertions").toString().contains("/trainedAlgorithmicMedia"), active::toPrettyString);
        assertEquals("agent-reply", active.path("title").asText());
    }

    @Test
    void aRedactedExportIsTrustedByC2paRsAndRedactsTheCallersDetailsFromTheOriginalsManifest() throws Exception {
        String legal = TestStack.userToken("acme-legal");
        HttpResponse<String> created = TestStack.postJson("/api/v1/exports", legal, "{\"matter\":\"C2PA redaction\","
                + "\"callIds\":[\"" + callId + "\"],\"audio\":\"REDACTED\",\"contents\":[\"TRANSCRIPT\"],"
                + "\"prefix\":\"C2PA\",\"start\":1}");
        assertEquals(202, created.statusCode(), created::body);
        String exportId = JSON.readTree(created.body()).path("id").asText();
        String state = "";
        for (int i = 0; i < 600 && !state.contains("\"state\":\"DONE\"") && !state.contains("FAILED"); i++) {
            Thread.sleep(200);
            state = TestStack.get("/api/v1/exports/" + exportId, legal).body();
        }
        assertTrue(state.contains("\"state\":\"DONE\""), state);
        HttpResponse<byte[]> bundle = send(HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + "/api/v1/exports/"
                + exportId + "/bundle")).header("Authorization", "Bearer " + legal).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, bundle.statusCode());
        byte[] redacted = null;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bundle.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().startsWith("NATIVES/") && entry.getName().endsWith(".wav")) {
                    redacted = zip.readAllBytes();
                }
            }
        }
        assertTrue(redacted != null, "the bundle carries the redacted recording");

        JsonNode report = C2paRs.verify(Files.write(directory.resolve("redacted-export.wav"), redacted), root);
        assertEquals("Trusted", C2paRs.state(report), report::toPrettyString);
        assertEquals(List.of(), C2paRs.codes(report, "failure"), report::toPrettyString);
        assertEquals(List.of(), C2paRs.codes(report, "ingredientFailure"), report::toPrettyString);
        JsonNode store = report.path("c2paRs").path("manifestStore");
        JsonNode active = store.path("manifests").path(store.path("active_manifest").asText());
        assertTrue(active.path("assertions").toString().contains("\"c2pa.redacted\""), active::toPrettyString);
        String parent = active.path("ingredients").path(0).path("active_manifest").asText();
        assertFalse(store.path("manifests").path(parent).path("assertions").toString().contains("io.vigil.call"),
                () -> "the original's manifest still names the caller: " + store.toPrettyString());
        JsonNode original = C2paRs.verify(Files.write(directory.resolve("original.wav"), playedBack), root);
        JsonNode originalStore = original.path("c2paRs").path("manifestStore");
        assertTrue(originalStore.path("manifests").path(originalStore.path("active_manifest").asText()).path("assertions")
                .toString().contains("io.vigil.call"), "the stored recording names the caller");

        JsonNode ours = json(post("/api/v1/c2pa/verify", TestStack.userToken("acme-compliance"), "audio/wav", redacted));
        assertEquals("Trusted", ours.path("state").asText(), ours::toPrettyString);
        assertTrue(ours.path("actions").toString().contains("c2pa.redacted"), ours::toPrettyString);
    }

    @Test
    void badInputGetsAClearAnswerAndRolesAreEnforced() {
        String officer = TestStack.userToken("acme-compliance");
        HttpResponse<String> garbage = post("/api/v1/c2pa/verify", officer, "application/octet-stream",
                "RIFF\u0010\u0000\u0000\u0000WAVEjunk".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(200, garbage.statusCode());
        assertEquals("Invalid", json(garbage).path("state").asText());
        assertFalse(json(garbage).path("problem").asText().isEmpty());
        assertFalse(garbage.body().contains("Exception"), garbage::body);
        HttpResponse<String> empty = post("/api/v1/c2pa/verify", officer, "application/octet-stream", new byte[0]);
        assertEquals(400, empty.statusCode());

        // refusals answer before the body is read, so they get a small one (the JDK client reports a large body's
        // unread remainder as EOF)
        byte[] small = java.util.Arrays.copyOf(playedBack, 64);
        assertEquals(403, post("/api/v1/c2pa/verify", TestStack.userToken("acme-supervisor"), "audio/wav", small).statusCode());
        assertEquals(403, postBytes("/api/v1/c2pa/sign", officer, small).statusCode());
        assertEquals(401, post("/api/v1/c2pa/verify", null, "audio/wav", small).statusCode());
        assertEquals(400, postBytes("/api/v1/c2pa/sign?type=robot", TestStack.userToken("acme-admin"), small).statusCode());
    }

    @Test
    void theVerifyPageShowsTheVerdict() throws IOException {
        Path file = Files.write(directory.resolve("upload.wav"), playedBack);
        browser.open("/provenance/verify.xhtml", "acme-compliance");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type=file]")));

        browser.driver.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());

        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("state")));
        assertEquals("Trusted", browser.driver.findElement(By.id("state")).getText());
        assertTrue(browser.driver.findElement(By.id("codes")).getText().contains("assertion.dataHash.match"));
        assertTrue(browser.driver.findElement(By.id("actions")).getText().contains("compositeWithTrainedAlgorithmicMedia"));
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static HttpResponse<String> post(String path, String bearer, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> postBytes(String path, String bearer, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
