package io.vigil.session.pipeline;

import static io.vigil.session.domain.SessionEventType.BARGE_IN;
import static io.vigil.session.domain.SessionEventType.CONSENT_GIVEN;
import static io.vigil.session.domain.SessionEventType.DISCLOSURE_DELIVERED;
import static io.vigil.session.domain.SessionEventType.SESSION_ENDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.session.audio.Base64Audio;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.domain.Channel;
import io.vigil.session.domain.Speaker;
import io.vigil.session.realtime.RealtimeCodec;
import io.vigil.session.realtime.RealtimeEvent;
import io.vigil.session.simulator.AgentScript;
import io.vigil.session.simulator.RealtimeSimulator;
import io.vigil.session.simulator.SpeechSynthesizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code /v1/realtime} relay in plain Java, on simulated time: a client that behaves like an OpenAI SDK voice
 * agent (it plays the audio deltas it receives in real time, and on {@code speech_started} stops and truncates)
 * talks through the {@link RealtimeRelay} and a {@link LiveSession} to the embedded {@link RealtimeSimulator}.
 */
class RealtimeRelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Harness sinks = new Harness();
    private final Deque<String> toClient = new ArrayDeque<>();
    private final Deque<String> toUpstream = new ArrayDeque<>();
    private final Deque<RealtimeEvent> fromSimulator = new ArrayDeque<>();
    private final List<JsonNode> clientLog = new ArrayList<>();
    private final List<JsonNode> upstreamLog = new ArrayList<>();
    private final RealtimeCodec codec = new RealtimeCodec();
    private final Deque<byte[]> speech = new ArrayDeque<>();
    private RealtimeSimulator simulator;
    private RealtimeRelay relay;
    private String hungUp;
    /** The client's playback: ms of agent audio queued and played, per item. */
    private long queuedMs;
    private long playedMs;
    private String playingItem;
    private long itemPlayedMs;
    private boolean truncateBeyondForwarded;
    private int audioBeforeDisclosure;
    private boolean callerMuLaw;
    private long agentPcmFromUpstream;
    private final io.vigil.session.audio.Resampler callerDown = io.vigil.session.audio.Resampler.downsampler24kTo8k();

    @BeforeEach
    void connect() {
        simulator = new RealtimeSimulator(AgentScript.frontDesk(), List.of("Yes, that's fine.",
                "What are your opening hours?", "My card number is 4111 1111 1111 1111.", "That's all, bye."),
                RealtimeSimulator.Settings.defaults(), sinks, fromSimulator::add);
        relay = new RealtimeRelay(actions -> new LiveSession(new SessionStart(UUID.randomUUID(), UUID.randomUUID(),
                "front-desk", Channel.REALTIME_API, "caller-hash", Map.of()),
                SessionPolicy.defaults().withGatewayDriven(false), Harness.ENGINE, sinks, sinks, sinks, actions),
                codec, toClient::add, toUpstream::add, reason -> hungUp = reason);
        simulator.start();
        relay.start(null);
    }

    @Test
    void aConversationIsGovernedOnTheWayThrough() throws Exception {
        client("{\"type\":\"session.update\",\"session\":{\"input_audio_format\":\"pcm16\","
                + "\"output_audio_format\":\"pcm16\"}}");
        client("{\"type\":\"response.create\"}");
        untilAgentDone(1);
        assertEquals(1, sinks.events(DISCLOSURE_DELIVERED).size());
        assertTrue(received("response.output_audio.delta") > 10, "the greeting reached the client");
        assertTrue(clientLog.stream().anyMatch(n -> n.path("type").asText().equals("session.created")));

        say("Yes, that's fine.");
        untilAgentDone(2);
        assertEquals(1, sinks.events(CONSENT_GIVEN).size());

        say("What are your opening hours?");
        for (int i = 0; i < 5_000 && (!speech.isEmpty() || playingItem == null); i++) {
            tick();
        }
        long answerStart = playedMs;
        for (int i = 0; i < 5_000 && playedMs < answerStart + 1_000; i++) {
            tick();
        }
        truncateBeyondForwarded = true;
        say("My card number is 4111 1111 1111 1111.");
        for (int i = 0; i < 200 && sinks.events(BARGE_IN).isEmpty(); i++) {
            tick();
        }
        assertEquals(1, sinks.events(BARGE_IN).size());
        untilAgentDone(4);

        // the client's own truncate, which asked for a minute, was clamped to what had been forwarded
        JsonNode truncate = upstreamLog.stream().filter(n -> n.path("type").asText()
                .equals("conversation.item.truncate")).findFirst().orElseThrow();
        long sentToClient = forwardedMs(truncate.path("item_id").asText());
        assertEquals(sentToClient, truncate.path("audio_end_ms").asLong());
        assertTrue(sentToClient < 60_000);
        assertFalse(clientLog.stream().anyMatch(n -> n.path("type").asText().equals("error")
                && n.path("error").path("code").asText().equals("invalid_value")), "the upstream took the truncate");

        relay.end("CALLER");
        assertEquals(1, sinks.events(SESSION_ENDED).size());
        String transcript = sinks.segments().stream().map(s -> s.speaker() + ": " + s.redactedText()).toList().toString();
        assertTrue(transcript.contains("CALLER: My card number is"), transcript);
        assertFalse(transcript.contains("4111"), "stored redacted: " + transcript);
        assertTrue(sinks.segments().stream().anyMatch(s -> s.speaker() == Speaker.AGENT
                && s.redactedText().contains("virtual assistant")), transcript);
    }

    @Test
    void aG711ClientIsConvertedToPcmAtTheDoor() throws Exception {
        client("{\"type\":\"session.update\",\"session\":{\"input_audio_format\":\"g711_ulaw\","
                + "\"audio\":{\"output\":{\"format\":{\"type\":\"audio/pcma\"}}}}}");
        JsonNode update = upstreamLog.get(upstreamLog.size() - 1);
        assertEquals("pcm16", update.path("session").path("input_audio_format").asText(), update.toString());
        assertEquals("audio/pcm", update.path("session").path("audio").path("output").path("format").path("type")
                .asText(), "the upstream keeps speaking PCM16 24 kHz: " + update);
        JsonNode updated = clientLog.stream().filter(n -> n.path("type").asText().equals("session.updated"))
                .reduce((x, y) -> y).orElseThrow();
        assertEquals("g711_ulaw", updated.path("session").path("input_audio_format").asText(), updated.toString());
        assertEquals("g711_alaw", updated.path("session").path("output_audio_format").asText(), updated.toString());
        callerMuLaw = true;
        client("{\"type\":\"response.create\"}");
        untilAgentDone(1);
        assertEquals(1, sinks.events(DISCLOSURE_DELIVERED).size());

        long aLawBytes = clientLog.stream().filter(n -> n.path("type").asText().equals("response.output_audio.delta"))
                .mapToLong(n -> Base64Audio.decode(n.path("delta").asText()).length).sum();
        long pcmBytes = upstreamAudioBytes();
        assertTrue(Math.abs(aLawBytes - pcmBytes / 6) <= 40, "one A-law byte per 8 kHz sample: " + aLawBytes
                + " for " + pcmBytes + " bytes of PCM16 24 kHz");
        java.io.ByteArrayOutputStream aLaw = new java.io.ByteArrayOutputStream();
        clientLog.stream().filter(n -> n.path("type").asText().equals("response.output_audio.delta"))
                .forEach(n -> aLaw.writeBytes(Base64Audio.decode(n.path("delta").asText())));
        short[] heard = io.vigil.session.audio.ALawCodec.decode(aLaw.toByteArray());
        assertTrue(Pcm16.rmsDbfs(heard, 0, heard.length) > -40, "the client hears the agent's voice");

        say("Yes, that's fine."); // sent as 8 kHz mu-law: the upstream's voice detection hears it as PCM
        untilAgentDone(2);
        assertEquals(1, sinks.events(CONSENT_GIVEN).size());
        for (int i = 0; i < 100; i++) {
            tick(); // the PCI pause's delay line holds a second of the caller's audio
        }
        long callerRecorded = sinks.written.stream().filter(w -> w.track() == AudioSink.Track.CALLER)
                .mapToLong(Harness.Written::bytes).sum();
        assertTrue(callerRecorded > 0 && callerRecorded % 2 == 0, "the recorder gets PCM16: " + callerRecorded);
        assertTrue(upstreamLog.stream().filter(n -> n.path("type").asText().equals("input_audio_buffer.append"))
                .allMatch(n -> Base64Audio.decode(n.path("audio").asText()).length == 960),
                "20 ms of mu-law (160 bytes) goes upstream as 20 ms of PCM16 24 kHz (960 bytes)");
        assertEquals(0, received("error"), clientLog.toString());
    }

    @Test
    void theGreetingIsHeldUntilTheDisclosureIsHeard() throws Exception {
        client("{\"type\":\"response.create\"}");
        untilAgentDone(1);
        assertTrue(received("response.output_audio.delta") > 10);
        assertEquals(0, audioBeforeDisclosure, "no agent audio reached the client before the disclosure was heard");
    }

    @Test
    void badClientFramesGetAnErrorEventAndNeverReachTheUpstream() throws Exception {
        int upstreamBefore = toUpstream.size() + upstreamLog.size();
        assertEquals("invalid_json", errorCode("{\"type\":\"response.create\""));
        assertEquals("invalid_audio", errorCode("{\"type\":\"input_audio_buffer.append\",\"audio\":\"%%%\"}"));
        assertEquals("invalid_audio", errorCode("{\"type\":\"input_audio_buffer.append\",\"audio\":\"AA==\"}"));
        assertEquals("unknown_event", errorCode("{\"type\":\"response.make_it_so\"}"));
        assertEquals("unknown_event", errorCode("{\"type\":\"response.output_audio.delta\",\"item_id\":\"i\","
                + "\"delta\":\"AAAA\"}"));
        assertEquals("unsupported_audio_format", errorCode("{\"type\":\"session.update\",\"session\":"
                + "{\"input_audio_format\":\"g722\"}}"));
        assertEquals("unsupported_audio_format", errorCode("{\"type\":\"session.update\",\"session\":{\"audio\":"
                + "{\"output\":{\"format\":{\"type\":\"audio/opus\"}}}}}"));
        RealtimeRelay small = new RealtimeRelay(actions -> new LiveSession(new SessionStart(UUID.randomUUID(),
                UUID.randomUUID(), "p", Channel.REALTIME_API, "h", Map.of()), SessionPolicy.defaults()
                .withGatewayDriven(false), Harness.ENGINE, sinks, sinks, sinks, actions), new RealtimeCodec(64),
                toClient::add, toUpstream::add, r -> { });
        small.start(null);
        small.fromClient("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + "A".repeat(100) + "\"}");
        assertEquals("frame_too_large", JSON.readTree(toClient.pollLast()).path("error").path("code").asText());
        pump();
        assertEquals(upstreamBefore, upstreamLog.size(), "nothing bad went upstream");
        assertEquals(null, hungUp, "the session goes on");

        client("{\"type\":\"response.create\"}");
        untilAgentDone(1); // still answers

        relay.end("CALLER");
        assertEquals("session_ended", errorCode("{\"type\":\"response.create\"}"));
        JsonNode ended = JSON.readTree(sinks.events(SESSION_ENDED).get(0).payloadJson());
        assertEquals(7, ended.path("metrics").path("badFrames").asLong(), ended.toString());
    }

    @Test
    void acceptsBothAudioNamesFromTheUpstreamAndAnswersInTheSameOne() throws Exception {
        toClient.clear();
        relay.fromUpstream("{\"type\":\"response.audio.delta\",\"response_id\":\"r1\",\"item_id\":\"i1\","
                + "\"output_index\":0,\"content_index\":0,\"delta\":\"" + Base64Audio.encode(new byte[960]) + "\"}");
        assertTrue(toClient.isEmpty(), "held until the disclosure");
        relay.fromUpstream("{\"type\":\"response.audio_transcript.delta\",\"response_id\":\"r1\",\"item_id\":\"i1\","
                + "\"output_index\":0,\"content_index\":0,\"delta\":\"Hello, I am a virtual assistant.\"}");
        JsonNode audio = JSON.readTree(toClient.poll());
        assertEquals("response.audio.delta", audio.path("type").asText());
        assertEquals("r1", audio.path("response_id").asText());
        assertEquals(960, Base64Audio.decode(audio.path("delta").asText()).length);
        assertEquals("response.audio_transcript.delta", JSON.readTree(toClient.poll()).path("type").asText());
    }

    // ---- the client and the line ----

    private String errorCode(String frame) throws Exception {
        toClient.clear();
        relay.fromClient(frame);
        String answer = toClient.pollLast();
        assertTrue(answer != null, "an answer to " + frame);
        JsonNode error = JSON.readTree(answer);
        assertEquals("error", error.path("type").asText());
        assertFalse(error.path("error").path("message").asText().isBlank());
        return error.path("error").path("code").asText();
    }

    private void client(String frame) throws Exception {
        relay.fromClient(frame);
        pump();
    }

    private void say(String words) {
        byte[] pcm = new SpeechSynthesizer().speak(words).pcm16();
        int frame = Pcm16.bytesFor(20, Pcm16.REALTIME_RATE);
        for (int i = 0; i < pcm.length; i += frame) {
            speech.add(Arrays.copyOf(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + frame)), frame));
        }
    }

    private void tick() throws Exception {
        sinks.now += 20;
        if (queuedMs > playedMs) {
            playedMs += 20;
            itemPlayedMs += 20;
        }
        byte[] frame = speech.isEmpty() ? new byte[Pcm16.bytesFor(20, Pcm16.REALTIME_RATE)] : speech.poll();
        if (callerMuLaw) {
            frame = io.vigil.session.audio.MuLawCodec.encode(callerDown.process(Pcm16.fromBytes(frame)));
        }
        relay.fromClient("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + Base64Audio.encode(frame) + "\"}");
        simulator.advance();
        pump();
    }

    private void untilAgentDone(int responses) throws Exception {
        for (int i = 0; i < 5_000 && !(received("response.done") >= responses && queuedMs <= playedMs
                && speech.isEmpty()); i++) {
            tick();
        }
        assertEquals(responses, received("response.done"));
    }

    private void pump() throws Exception {
        boolean moved = true;
        while (moved) {
            moved = false;
            while (!toUpstream.isEmpty()) {
                String f = toUpstream.poll();
                upstreamLog.add(JSON.readTree(f));
                simulator.onClientFrame(f);
                moved = true;
            }
            while (!fromSimulator.isEmpty()) {
                RealtimeEvent e = fromSimulator.poll();
                if (e instanceof RealtimeEvent.AudioDelta d) {
                    agentPcmFromUpstream += d.audio().length;
                }
                relay.fromUpstream(codec.encode(e));
                moved = true;
            }
            while (!toClient.isEmpty()) {
                receive(JSON.readTree(toClient.poll()));
                moved = true;
            }
        }
    }

    /** What an SDK voice agent does with server events: play audio, and stop and truncate on speech_started. */
    private void receive(JsonNode e) {
        clientLog.add(e);
        String type = e.path("type").asText();
        if (type.equals("response.output_audio.delta")) {
            if (sinks.events(DISCLOSURE_DELIVERED).isEmpty()) {
                audioBeforeDisclosure++;
            }
            String item = e.path("item_id").asText();
            if (!item.equals(playingItem)) {
                playingItem = item;
                itemPlayedMs = 0;
            }
            queuedMs = Math.max(queuedMs, playedMs) + Pcm16.durationMs(Base64Audio.decode(e.path("delta").asText())
                    .length, Pcm16.REALTIME_RATE);
        } else if (type.equals("input_audio_buffer.speech_started") && queuedMs > playedMs && playingItem != null) {
            long heard = truncateBeyondForwarded ? 60_000 : itemPlayedMs;
            queuedMs = playedMs;
            relay.fromClient("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + playingItem
                    + "\",\"content_index\":0,\"audio_end_ms\":" + heard + "}");
        }
    }

    private long forwardedMs(String itemId) {
        long bytes = clientLog.stream().filter(n -> n.path("type").asText().equals("response.output_audio.delta")
                        && n.path("item_id").asText().equals(itemId))
                .mapToLong(n -> Base64Audio.decode(n.path("delta").asText()).length).sum();
        return Pcm16.durationMs(bytes, Pcm16.REALTIME_RATE);
    }

    /** PCM16 bytes of agent audio the upstream sent. */
    private long upstreamAudioBytes() {
        return agentPcmFromUpstream;
    }

    private int received(String type) {
        return (int) clientLog.stream().filter(n -> n.path("type").asText().equals(type)).count();
    }
}
