package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * {@code /media/twilio} as Twilio drives it, over a real WebSocket: an agent runtime's token and an agent profile in
 * {@code customParameters}, caller speech as mu-law frames, marks echoed, DTMF, a barge-in, {@code stop}; then the
 * call as the API shows it, with its metrics, its PCI pause and its recordings, decrypted by the console's player.
 * And the refusals: no token, a forged token, another tenant's profile, bad frames.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwilioMediaStreamIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POLICY_VIOLATION = 1008;
    /** Bounds for waiting loops, so a broken server fails the test instead of hanging it. */
    private static final int MAX_TICKS = 6_000;

    @Test
    void aPhoneCallIsGovernedAndStored() throws Exception {
        Instant began = Instant.now();
        try (TwilioLine line = new TwilioLine(TwilioLine.wsUrl("/media/twilio"))) {
            line.connected();
            line.start(parameters(agentToken(), acmeProfile(), "\"callerRef\":\"+15551234567\","
                    + "\"callerScript\":\"Yes, that's fine.|What are your opening hours?|"
                    + "My card number is 4111 1111 1111 1111.|That's all, bye.\""));

            untilAgentFinished(line); // the greeting, with the AI disclosure and the consent question
            assertTrue(line.receivedMediaFrames > 50, "the agent's greeting came as media: " + line.receivedMediaFrames);
            line.dtmf("1"); // consent by keypad
            line.say("Yes, that's fine.");
            untilAgentFinished(line);

            line.say("What are your opening hours?");
            for (int i = 0; i < MAX_TICKS && (line.speaking() || line.idleTicks > 0); i++) {
                line.tick(); // until the caller has finished and the answer has begun to play
            }
            long answerBegan = line.playedMs;
            for (int i = 0; i < MAX_TICKS && line.playedMs < answerBegan + 1_000; i++) {
                line.tick(); // the answer plays for a second...
            }
            line.say("My card number is 4111 1111 1111 1111."); // ...when the caller cuts in
            for (int i = 0; i < MAX_TICKS && line.clears == 0; i++) {
                line.tick();
            }
            assertEquals(1, line.clears, "Twilio was told to drop the interrupted answer");
            untilAgentFinished(line);
            line.say("That's all, bye.");
            untilAgentFinished(line);
            line.stop();
        }

        JsonNode call = storedCall(began);
        assertEquals("PHONE", call.path("channel").asText());
        assertEquals("GIVEN", call.path("consent").asText());
        assertEquals("DELIVERED", call.path("disclosure").asText());
        List<String> events = new ArrayList<>();
        call.path("events").forEach(e -> events.add(e.path("type").asText()));
        for (String type : List.of("SESSION_STARTED", "DISCLOSURE_DELIVERED", "CONSENT_GIVEN", "BARGE_IN",
                "SESSION_ENDED")) {
            assertTrue(events.contains(type), type + " in " + events);
        }
        String transcript = call.path("transcript").toString();
        assertTrue(transcript.contains("What are your opening hours?"), transcript);
        assertTrue(transcript.contains("virtual assistant"), transcript);
        assertTrue(transcript.contains("My card number is"), transcript);
        assertFalse(transcript.contains("4111 1111 1111 1111"), "the card number is stored redacted: " + transcript);
        assertFalse(call.toString().contains("5551234567"), "the caller's number is never stored in the clear");

        JsonNode metrics = call.path("metrics");
        assertTrue(metrics.path("framesIn").asLong() > 100, "metrics are stored: " + metrics);
        assertTrue(metrics.path("firstAgentAudioMs").asLong() > 0, metrics.toString());
        assertEquals(1, metrics.path("bargeInReactionMs").size(), metrics.toString());
        assertTrue(metrics.path("turnLatencyMs").size() >= 2, metrics.toString());
        assertTrue(metrics.path("callerTalkMs").asLong() > 0 && metrics.path("agentTalkMs").asLong() > 0,
                metrics.toString());

        JsonNode paused = event(call, "RECORDING_PAUSED");
        JsonNode resumed = event(call, "RECORDING_RESUMED");
        assertTrue(paused != null && resumed != null, "the card number paused the recording: " + events);
        assertEquals("PCI", paused.path("payload").path("reason").asText());
        long fromMs = paused.path("payload").path("fromMs").asLong();
        long toMs = resumed.path("payload").path("toMs").asLong();
        assertTrue(toMs - fromMs >= 1_000, "the card turn was paused whole: " + fromMs + ".." + toMs);

        JsonNode recordings = recordingsOf(call.path("id").asText());
        List<String> tracks = new ArrayList<>();
        recordings.forEach(r -> tracks.add(r.path("track").asText()));
        assertEquals(List.of("agent", "caller", "mixed"), tracks.stream().sorted().toList());
        try (Browser browser = new Browser()) {
            browser.open("/call.xhtml?id=" + call.path("id").asText(), "acme-compliance");
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-metrics")));
            assertTrue(browser.driver.findElement(By.id("metric-barge-in")).getText().contains("1 barge-ins"));
            RecordingPlaybackIT.ConsoleSession console = RecordingPlaybackIT.ConsoleSession.of(browser);
            for (JsonNode r : recordings) {
                HttpResponse<byte[]> wav = console.get("/recordings/" + r.path("id").asText(), null);
                assertEquals(200, wav.statusCode(), r.toString());
                byte[] file = wav.body();
                assertEquals("RIFF", new String(file, 0, 4, StandardCharsets.US_ASCII), "decrypted: a WAV file");
                assertEquals(r.path("sizeBytes").asLong(), file.length, r.toString());
                String text = new String(file, StandardCharsets.ISO_8859_1);
                if (r.path("track").asText().equals("agent")) {
                    assertTrue(text.contains("C2PA") && text.contains("/trainedAlgorithmicMedia"),
                            "the agent's track is signed as synthetic speech");
                } else if (r.path("track").asText().equals("mixed")) {
                    assertTrue(text.contains("C2PA") && text.contains("compositeWithTrainedAlgorithmicMedia"),
                            "the mixed call is signed as a composite");
                }
                int rate = java.nio.ByteBuffer.wrap(file, text.indexOf("fmt ") + 12, 4)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
                assertEquals(8_000, rate, "a phone call is recorded at its own 8 kHz, not resampled");
                if (r.path("track").asText().equals("caller")) {
                    int header = 44;
                    int perMs = rate / 1_000 * 2;
                    assertTrue(allZero(file, header + (int) fromMs * perMs, header + (int) toMs * perMs),
                            "the caller's card number is recorded as silence");
                    assertFalse(allZero(file, header, header + (int) fromMs * perMs),
                            "the caller's other words are kept");
                    assertTrue(file.length >= header + toMs * perMs, "the silence kept the track's length");
                }
            }
        }
    }

    private static JsonNode event(JsonNode call, String type) {
        for (JsonNode e : call.path("events")) {
            if (e.path("type").asText().equals(type)) {
                return e;
            }
        }
        return null;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < Math.min(to, bytes.length); i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The call's recordings, once the recorder has stored them (they are finished after the call ends). */
    static JsonNode recordingsOf(String callId) throws Exception {
        String compliance = TestStack.userToken("acme-compliance");
        for (int attempt = 0; attempt < 300; attempt++) {
            HttpResponse<String> one = TestStack.get("/api/v1/calls/" + callId, compliance);
            assertEquals(200, one.statusCode(), one.body());
            JsonNode recordings = JSON.readTree(one.body()).path("recordings");
            if (recordings.size() > 0) {
                return recordings;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("call " + callId + " has no recordings");
    }

    @Test
    void aStreamWithoutAValidTokenIsClosedAndNothingIsStored() throws Exception {
        long before = phoneCalls();
        try (TwilioLine line = new TwilioLine(TwilioLine.wsUrl("/media/twilio"))) {
            line.connected();
            line.start(parameters(null, acmeProfile(), null));
            assertEquals(POLICY_VIOLATION, line.closeCode(30), "no token");
        }
        String forged = agentToken();
        forged = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
        try (TwilioLine line = new TwilioLine(TwilioLine.wsUrl("/media/twilio"))) {
            line.start(parameters(forged, acmeProfile(), null));
            assertEquals(POLICY_VIOLATION, line.closeCode(30), "a forged signature");
        }
        try (TwilioLine line = new TwilioLine(TwilioLine.wsUrl("/media/twilio"))) {
            String northwindAgent = TestStack.agentToken("northwind-health-agent", "VIGIL_AGENT_SECRET_NORTHWIND");
            line.start(parameters(northwindAgent, acmeProfile(), null));
            assertEquals(POLICY_VIOLATION, line.closeCode(30), "another tenant's agent profile");
        }
        try (TwilioLine line = new TwilioLine(TwilioLine.wsUrl("/media/twilio"))) {
            line.send("{\"event\":\"media\",\"media\":{\"payload\":\"/w==\"}}");
            assertEquals(POLICY_VIOLATION, line.closeCode(30), "media before start");
        }
        assertEquals(before, phoneCalls(), "no call was stored");
    }

    @Test
    void badFramesAreCountedAndTheCallGoesOn() throws Exception {
        Instant began = Instant.now();
        try (TwilioLine line = new TwilioLine(TwilioLine.wsUrl("/media/twilio"))) {
            line.connected();
            line.start(parameters(agentToken(), acmeProfile(), "\"consent\":\"given\""));
            line.send("{\"event\":\"media\",\"media\":{\"payload\":"); // malformed JSON
            line.send("{\"event\":\"media\",\"media\":{\"payload\":\"" + "A".repeat(100_000) + "\"}}"); // oversized
            untilAgentFinished(line); // the call went on: the greeting still came
            assertTrue(line.receivedMediaFrames > 0);
            assertFalse(line.closed(), "bad frames do not end the call");
            line.stop();
        }
        JsonNode call = storedCall(began);
        JsonNode ended = null;
        for (JsonNode e : call.path("events")) {
            if (e.path("type").asText().equals("SESSION_ENDED")) {
                ended = e;
            }
        }
        assertTrue(ended != null, call.toString());
        assertEquals(2, ended.path("payload").path("metrics").path("badFrames").asLong(), ended.toString());
        assertEquals("GIVEN", call.path("consent").asText(), "the IVR's consent parameter");
    }

    @Test
    void aFrameBeyondTheTransportLimitClosesTheStream() throws Exception {
        try (TwilioLine line = new TwilioLine(TwilioLine.wsUrl("/media/twilio"))) {
            line.connected();
            line.start(parameters(agentToken(), acmeProfile(), null));
            line.send("{\"event\":\"media\",\"media\":{\"payload\":\"" + "A".repeat(300_000) + "\"}}");
            assertEquals(1009, line.closeCode(30), "message too big");
        }
    }

    /** Ticks until the agent's audio has been received and played, and nothing more came for half a second. */
    private static void untilAgentFinished(TwilioLine line) throws Exception {
        long startFrames = line.receivedMediaFrames;
        for (int i = 0; i < MAX_TICKS && (line.speaking() || line.receivedMediaFrames == startFrames
                || line.idleTicks < 50); i++) {
            line.tick();
        }
    }

    private static String parameters(String token, String profile, String more) {
        StringBuilder p = new StringBuilder("{\"agentProfile\":\"" + profile + "\"");
        if (token != null) {
            p.append(",\"token\":\"").append(token).append('"');
        }
        if (more != null) {
            p.append(',').append(more);
        }
        return p.append('}').toString();
    }

    private static String agentToken() {
        return TestStack.agentToken("acme-bank-agent", "VIGIL_AGENT_SECRET_ACME");
    }

    private static String acmeProfile() throws Exception {
        HttpResponse<String> r = TestStack.get("/api/v1/agent-profiles", agentToken());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("agentProfiles").get(0).path("id").asText();
    }

    private static long phoneCalls() throws Exception {
        HttpResponse<String> r = TestStack.get("/api/v1/calls?channel=PHONE&limit=1",
                TestStack.userToken("acme-compliance"));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("total").asLong();
    }

    /** The newest phone call started since {@code began}, once the persistence worker has completed it. */
    private static JsonNode storedCall(Instant began) throws Exception {
        String compliance = TestStack.userToken("acme-compliance");
        for (int attempt = 0; attempt < 300; attempt++) {
            HttpResponse<String> list = TestStack.get("/api/v1/calls?channel=PHONE&limit=5", compliance);
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
        throw new AssertionError("no completed phone call since " + began);
    }
}
