package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Playback of an encrypted demo recording through {@code /recordings/{id}}, as the call page's audio player asks for
 * it, in console sessions signed in through Keycloak: the whole file, byte ranges (206 with exactly those bytes, so
 * a player can seek), ranges past the end (416), another tenant's recording (404), an administrator (403). The key
 * API answers administrators only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecordingPlaybackIT {

    private static Browser browser;
    private static ConsoleSession compliance;
    private static String recordingPath;
    private static byte[] whole;

    @BeforeAll
    static void openACallWithAudio() {
        browser = new Browser();
        browser.open("/calls.xhtml", "acme-compliance");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.call-link")));
        // the demo records the most recent consented calls: the first page of the list holds some of them
        var links = browser.driver.findElements(By.cssSelector("a.call-link")).stream()
                .map(a -> a.getAttribute("href")).toList();
        for (String link : links) {
            browser.driver.get(link);
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call")));
            var players = browser.driver.findElements(By.cssSelector("audio.vigil-player"));
            if (!players.isEmpty()) {
                recordingPath = URI.create(players.get(0).getAttribute("data-recording")).getPath();
                break;
            }
        }
        assertTrue(recordingPath != null, "one of the most recent demo calls has an audio player");
        compliance = ConsoleSession.of(browser);
        HttpResponse<byte[]> full = compliance.get(recordingPath, null);
        assertEquals(200, full.statusCode());
        whole = full.body();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theWholeRecordingIsAPlayableWavFile() {
        HttpResponse<byte[]> full = compliance.get(recordingPath, null);
        assertTrue(full.headers().firstValue("Content-Type").orElse("").startsWith("audio/wav"));
        assertEquals("bytes", full.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals("RIFF", new String(whole, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(whole, 8, 4, StandardCharsets.US_ASCII));
        assertTrue(whole.length > 44 + 8000, "at least half a second of 8 kHz audio");
    }

    @Test
    void aRangeRequestReturnsExactlyThoseBytes() {
        int from = whole.length / 2 + 1;
        int to = from + (whole.length - from) / 2;
        HttpResponse<byte[]> part = compliance.get(recordingPath, "bytes=" + from + "-" + to);
        assertEquals(206, part.statusCode());
        assertEquals("bytes " + from + "-" + to + "/" + whole.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(whole, from, to + 1), part.body());
    }

    @Test
    void theEndOfTheRecordingCanBeReadDirectly() {
        HttpResponse<byte[]> tail = compliance.get(recordingPath, "bytes=-1000");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 1000, whole.length), tail.body());
        HttpResponse<byte[]> open = compliance.get(recordingPath, "bytes=" + (whole.length - 10) + "-");
        assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 10, whole.length), open.body());
    }

    @Test
    void aRangePastTheEndIsNotSatisfiable() {
        HttpResponse<byte[]> beyond = compliance.get(recordingPath, "bytes=" + whole.length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + whole.length, beyond.headers().firstValue("Content-Range").orElse(""));
    }

    @Test
    void anIdWithoutARecordingOfThisTenantIsNotFound() {
        assertEquals(404, compliance.get("/recordings/" + UUID.randomUUID(), null).statusCode());
        assertEquals(404, compliance.get("/recordings/not-a-recording", null).statusCode());
    }

    @Test
    void anotherTenantGetsNotFoundAndAnAdministratorIsForbidden() {
        try (Browser other = new Browser()) {
            other.open("/calls.xhtml", "northwind-compliance");
            other.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.call-link")));
            assertEquals(404, ConsoleSession.of(other).get(recordingPath, null).statusCode());
        }
        try (Browser admin = new Browser()) {
            admin.open("/admin/keys.xhtml", "acme-admin");
            admin.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-audio")));
            WebElement current = admin.driver.findElement(By.cssSelector("#key-audio .current"));
            assertTrue(Integer.parseInt(current.getText().trim()) >= 1, "the Keys page shows the audio key's version");
            assertEquals(403, ConsoleSession.of(admin).get(recordingPath, null).statusCode());
        }
    }

    @Test
    void theKeyApiIsForAdministratorsOfTheirOwnTenant() {
        HttpResponse<String> keys = TestStack.get("/api/v1/keys", TestStack.userToken("acme-admin"));
        assertEquals(200, keys.statusCode(), keys::body);
        assertTrue(keys.body().contains("vigil/" ) && keys.body().contains("AUDIO"), keys.body());
        assertEquals(403, TestStack.get("/api/v1/keys", TestStack.userToken("acme-compliance")).statusCode());
    }

    /** A signed-in console session, replayed with the JDK's HTTP client so that status codes and bytes can be checked. */
    record ConsoleSession(String cookies) {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        static ConsoleSession of(Browser browser) {
            return new ConsoleSession(browser.driver.manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }

        HttpResponse<byte[]> get(String path, String range) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + path)).header("Cookie", cookies);
            if (range != null) {
                request.header("Range", range);
            }
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
