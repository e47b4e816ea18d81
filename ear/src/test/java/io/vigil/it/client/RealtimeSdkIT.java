package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /v1/realtime} driven by a client we did not write: the official {@code openai} npm package's realtime
 * WebSocket client ({@code src/test/node/sdk-conversation.mjs}), its base URL at Vigil over HTTPS (the SDK insists on
 * {@code wss}; it trusts the test stack's local CA), through a whole conversation with the embedded agent including a
 * barge-in. Then the stored call: redacted transcript, events and metrics. And the door's answers to bad clients.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RealtimeSdkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NODE_DIR = Path.of(System.getProperty("basedir", "."), "src", "test", "node");
    private static final String CALLER = "Yes, that's fine.|What are your opening hours?|"
            + "My card number is 4111 1111 1111 1111.|That's all, bye.";

    @Test
    void theOpenAiSdkHoldsAGovernedConversationWithABargeIn() throws Exception {
        Instant began = Instant.now();
        String base = required("vigil.https.url") + "/v1?caller=" + URLEncoder.encode(CALLER, StandardCharsets.UTF_8);
        JsonNode summary = JSON.readTree(node(List.of("node", "sdk-conversation.mjs", base, agentToken(),
                acmeProfile(), required("vigil.tls.ca")), 240));

        assertEquals(0, summary.path("errors").size(), summary.toString());
        assertTrue(summary.path("types").path("response.output_audio.delta").asInt() > 20, summary.toString());
        assertTrue(summary.path("types").path("input_audio_buffer.speech_started").asInt() >= 4, summary.toString());
        assertFalse(summary.path("bargeIn").isNull(), "the SDK client was interrupted: " + summary);
        assertTrue(summary.path("agentTranscripts").toString().contains("virtual assistant"), summary.toString());

        JsonNode call = storedCall(began);
        assertEquals("REALTIME_API", call.path("channel").asText());
        assertEquals("GIVEN", call.path("consent").asText());
        assertEquals("DELIVERED", call.path("disclosure").asText());
        List<String> events = new ArrayList<>();
        JsonNode ended = null;
        for (JsonNode e : call.path("events")) {
            events.add(e.path("type").asText());
            if (e.path("type").asText().equals("SESSION_ENDED")) {
                ended = e;
            }
        }
        for (String type : List.of("SESSION_STARTED", "DISCLOSURE_DELIVERED", "CONSENT_GIVEN", "BARGE_IN",
                "SESSION_ENDED")) {
            assertTrue(events.contains(type), type + " in " + events);
        }
        String transcript = call.path("transcript").toString();
        assertTrue(transcript.contains("What are your opening hours?"), transcript);
        assertTrue(transcript.contains("My card number is"), transcript);
        assertFalse(transcript.contains("4111 1111 1111 1111"), "stored redacted: " + transcript);
        JsonNode metrics = ended.path("payload").path("metrics");
        assertTrue(metrics.path("framesIn").asLong() > 100, metrics.toString());
        assertTrue(metrics.path("framesOut").asLong() > 20, metrics.toString());
        assertTrue(metrics.path("firstAgentAudioMs").asLong() >= 0, metrics.toString());
        assertTrue(metrics.path("bargeInReactionMs").size() >= 1, metrics.toString());
    }

    @Test
    void badClientsGetErrorEventsOrAClearClose() throws Exception {
        assertEquals(401, handshakeStatus(null), "no token: refused before the upgrade");
        assertEquals(401, handshakeStatus("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"), "a forged token");
        assertEquals(403, handshakeStatus(TestStack.userToken("acme-compliance")), "a person's token has no "
                + "agent-runtime role");
        try (Client c = new Client(wsUrl("/v1/realtime?agent=no-such-agent"), agentToken())) {
            assertEquals(1008, c.closeCode(), "an unknown agent");
        }
        String northwind = TestStack.agentToken("northwind-health-agent", "VIGIL_AGENT_SECRET_NORTHWIND");
        try (Client c = new Client(wsUrl("/v1/realtime?agent=" + acmeProfile()), northwind)) {
            assertEquals(1008, c.closeCode(), "another tenant's agent");
        }
        // the token as the browser SDK sends it: a subprotocol next to 'realtime'
        try (Client c = new Client(wsUrl("/v1/realtime?model=" + acmeProfile()), null,
                "realtime", "openai-insecure-api-key." + agentToken())) {
            assertEquals("session.created", c.next().path("type").asText());
            assertEquals("realtime", c.socket.getSubprotocol());
            c.send("{\"type\":\"response.create\"");
            assertEquals("invalid_json", c.nextError());
            c.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"not base64!\"}");
            assertEquals("invalid_audio", c.nextError());
            c.send("{\"type\":\"conversation.item.destroy_everything\"}");
            assertEquals("unknown_event", c.nextError());
            c.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + "A".repeat(3_000_000) + "\"}");
            assertEquals("frame_too_large", c.nextError());
            c.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + "A".repeat(5_000_000) + "\"}");
            assertEquals(1009, c.closeCode(), "beyond the transport limit");
        }
        HttpResponse<String> health = TestStack.get("/api/v1/health", null);
        assertEquals(200, health.statusCode(), "the server is unharmed");
    }

    @Test
    void aG711ClientSpeaksMuLawAndALawThroughTheDoor() throws Exception {
        try (Client c = new Client(wsUrl("/v1/realtime?model=" + acmeProfile() + "&caller="
                + URLEncoder.encode("Yes, that's fine.", StandardCharsets.UTF_8)), agentToken())) {
            assertEquals("session.created", c.next().path("type").asText());
            c.send("{\"type\":\"session.update\",\"session\":{\"input_audio_format\":\"g722\"}}");
            assertEquals("unsupported_audio_format", c.nextError());
            c.send("{\"type\":\"session.update\",\"session\":{\"input_audio_format\":\"g711_ulaw\","
                    + "\"output_audio_format\":\"g711_alaw\"}}");
            JsonNode updated = c.nextOfType("session.updated");
            assertEquals("g711_ulaw", updated.path("session").path("input_audio_format").asText(), updated.toString());
            assertEquals("g711_alaw", updated.path("session").path("output_audio_format").asText(), updated.toString());
            c.send("{\"type\":\"response.create\"}");
            // the embedded agent streams 100 ms chunks: 800 bytes of 8 kHz A-law (PCM16 24 kHz would be 4,800)
            JsonNode delta = c.nextOfType("response.output_audio.delta");
            int bytes = java.util.Base64.getDecoder().decode(delta.path("delta").asText()).length;
            assertTrue(bytes >= 790 && bytes <= 810, "an A-law chunk of 100 ms: " + bytes + " bytes");
            c.nextOfType("response.done");
            // the caller's "yes" as 8 kHz mu-law: a voiced second, then quiet, 20 ms (160 bytes) a frame
            for (int frame = 0; frame < 150; frame++) {
                byte[] mu = new byte[160];
                for (int i = 0; i < mu.length; i++) {
                    double t = (frame * 160 + i) / 8000.0;
                    double v = frame < 50 ? 8000 * (Math.sin(2 * Math.PI * 140 * t) + Math.sin(2 * Math.PI * 420 * t) / 2)
                            : 0;
                    mu[i] = muLaw((short) v);
                }
                c.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                        + java.util.Base64.getEncoder().encodeToString(mu) + "\"}");
            }
            JsonNode heard = c.nextOfType("conversation.item.input_audio_transcription.completed");
            assertEquals("Yes, that's fine.", heard.path("transcript").asText(), "the agent heard the mu-law caller");
        }
    }

    // ---- helpers ----

    /** G.711 mu-law of one sample, written out here so the test does not trust the server's own codec. */
    private static byte muLaw(short sample) {
        int pcm = sample;
        int sign = pcm < 0 ? 0x80 : 0;
        pcm = Math.min(Math.abs(pcm), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        return (byte) ~(sign | exponent << 4 | (pcm >> (exponent + 3)) & 0x0F);
    }

    /** The HTTP status that refused a /v1/realtime handshake (or 101 if it was accepted). */
    private static int handshakeStatus(String bearer) throws Exception {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            WebSocket ws = b.buildAsync(URI.create(wsUrl("/v1/realtime?model=" + acmeProfile())),
                    new WebSocket.Listener() { }).get(30, TimeUnit.SECONDS);
            ws.abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** A plain Realtime client over the JDK's WebSocket. */
    private static final class Client implements AutoCloseable {
        final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final WebSocket socket;
        String closeReason = "";

        Client(String url, String bearer, String... subprotocols) throws Exception {
            WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            if (subprotocols.length > 0) {
                b.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
            }
            socket = b.buildAsync(URI.create(url), new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        frames.add(partial.toString());
                        partial.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                    closeReason = reason;
                    closed.complete(statusCode);
                    return null;
                }

                @Override
                public void onError(WebSocket ws, Throwable error) {
                    closed.complete(-1);
                }
            }).get(30, TimeUnit.SECONDS);
        }

        void send(String frame) throws Exception {
            socket.sendText(frame, true).get(30, TimeUnit.SECONDS);
        }

        JsonNode next() throws Exception {
            String f = frames.poll(30, TimeUnit.SECONDS);
            assertTrue(f != null, "a frame within 30 s");
            return JSON.readTree(f);
        }

        /** The next event of this type, skipping the others. */
        JsonNode nextOfType(String type) throws Exception {
            for (int i = 0; i < 10_000; i++) {
                JsonNode e = next();
                if (e.path("type").asText().equals(type)) {
                    return e;
                }
                assertFalse(e.path("type").asText().equals("error"), e.toString());
            }
            throw new AssertionError("no " + type);
        }

        /** The code of the next error event, skipping the session's other events. */
        String nextError() throws Exception {
            for (int i = 0; i < 10_000; i++) {
                JsonNode e = next();
                if (e.path("type").asText().equals("error")) {
                    assertFalse(e.path("error").path("message").asText().isBlank(), e.toString());
                    return e.path("error").path("code").asText();
                }
            }
            throw new AssertionError("no error event");
        }

        int closeCode() throws Exception {
            return closed.get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            if (!closed.isDone()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }
    }

    private static String wsUrl(String path) {
        return TestStack.baseUrl().replaceFirst("^http", "ws") + path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("run the integration tests with ./vigil test (" + property + " is not set)");
        }
        return value;
    }

    private static String agentToken() {
        return TestStack.agentToken("acme-bank-agent", "VIGIL_AGENT_SECRET_ACME");
    }

    private static String acmeProfile() throws Exception {
        HttpResponse<String> r = TestStack.get("/api/v1/agent-profiles", agentToken());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("agentProfiles").get(0).path("id").asText();
    }

    /** The newest realtime call started since {@code began}, once the persistence worker has completed it. */
    private static JsonNode storedCall(Instant began) throws Exception {
        String compliance = TestStack.userToken("acme-compliance");
        for (int attempt = 0; attempt < 300; attempt++) {
            HttpResponse<String> list = TestStack.get("/api/v1/calls?channel=REALTIME_API&limit=5", compliance);
            assertEquals(200, list.statusCode(), list.body());
            for (JsonNode row : JSON.readTree(list.body()).path("calls")) {
                if (!Instant.parse(row.path("startedAt").asText()).isBefore(began.minusSeconds(1))
                        && row.path("status").asText().equals("COMPLETED")) {
                    HttpResponse<String> one = TestStack.get("/api/v1/calls/" + row.path("id").asText(), compliance);
                    assertEquals(200, one.statusCode(), one.body());
                    return JSON.readTree(one.body());
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no completed realtime call since " + began);
    }

    /** Runs a command in the node directory (installing the pinned packages first) and returns its stdout. */
    private static String node(List<String> command, int timeoutSeconds) throws Exception {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/openai"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
        return run(command, timeoutSeconds);
    }

    private static String run(List<String> command, int timeoutSeconds) throws Exception {
        Path stderr = Files.createTempFile("realtime-sdk", ".err");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("Cannot run '" + command.get(0) + "': this test needs Node.js 20+ and npm "
                    + "(apt-get install nodejs npm)", e);
        }
        byte[] stdout = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish within " + timeoutSeconds + " s");
        }
        String errors = Files.readString(stderr);
        Files.delete(stderr);
        String out = new String(stdout, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            fail(String.join(" ", command.subList(0, 2)) + " exited " + process.exitValue() + ":\n" + out + errors);
        }
        return out;
    }
}
