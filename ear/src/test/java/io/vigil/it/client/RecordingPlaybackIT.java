package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Playback of an encrypted demo recording through {@code /recordings/{id}} in a console session, as the call page's
 * audio player does it: the whole file, byte ranges (206 with exactly those bytes, so a player can seek), ranges
 * past the end (416), and ids the session's tenant has no recording under (404).
 */
class RecordingPlaybackIT {

    private static final Pattern CALL_LINK = Pattern.compile("call\\.xhtml\\?id=([0-9a-f-]{36})");
    private static final Pattern PLAYER = Pattern.compile("/recordings/([0-9a-f-]{36})");

    private static ConsoleSession console;
    private static String recordingPath;
    private static byte[] whole;

    @BeforeAll
    static void findARecordedCall() {
        console = new ConsoleSession();
        String calls = console.get("/calls.xhtml", null).body();
        Set<String> ids = new LinkedHashSet<>();
        Matcher links = CALL_LINK.matcher(calls);
        while (links.find()) {
            ids.add(links.group(1));
        }
        for (String id : ids) {
            Matcher player = PLAYER.matcher(console.get("/call.xhtml?id=" + id, null).body());
            if (player.find()) {
                recordingPath = "/recordings/" + player.group(1);
                break;
            }
        }
        assertTrue(recordingPath != null, "one of the most recent demo calls has an audio player");
        HttpResponse<byte[]> full = console.bytes(recordingPath, null);
        assertEquals(200, full.statusCode());
        whole = full.body();
    }

    @Test
    void theWholeRecordingIsAPlayableWavFile() {
        HttpResponse<byte[]> full = console.bytes(recordingPath, null);
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
        HttpResponse<byte[]> part = console.bytes(recordingPath, "bytes=" + from + "-" + to);
        assertEquals(206, part.statusCode());
        assertEquals("bytes " + from + "-" + to + "/" + whole.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(whole, from, to + 1), part.body());
    }

    @Test
    void theEndOfTheRecordingCanBeReadDirectly() {
        HttpResponse<byte[]> tail = console.bytes(recordingPath, "bytes=-1000");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 1000, whole.length), tail.body());
        HttpResponse<byte[]> open = console.bytes(recordingPath, "bytes=" + (whole.length - 10) + "-");
        assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 10, whole.length), open.body());
    }

    @Test
    void aRangePastTheEndIsNotSatisfiable() {
        HttpResponse<byte[]> beyond = console.bytes(recordingPath, "bytes=" + whole.length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + whole.length, beyond.headers().firstValue("Content-Range").orElse(""));
    }

    @Test
    void anIdWithoutARecordingOfThisTenantIsNotFound() {
        assertEquals(404, console.bytes("/recordings/" + UUID.randomUUID(), null).statusCode());
        assertEquals(404, console.bytes("/recordings/not-a-recording", null).statusCode());
    }

    /** One console sign-in session: a cookie jar over the JDK's HTTP client. */
    static final class ConsoleSession {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> get(String path, String range) {
            return send(path, range, HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> bytes(String path, String range) {
            return send(path, range, HttpResponse.BodyHandlers.ofByteArray());
        }

        private <T> HttpResponse<T> send(String path, String range, HttpResponse.BodyHandler<T> body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + path));
            if (range != null) {
                request.header("Range", range);
            }
            try {
                return http.send(request.build(), body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
