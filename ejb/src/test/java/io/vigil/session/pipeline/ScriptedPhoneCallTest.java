package io.vigil.session.pipeline;

import static io.vigil.session.domain.SessionEventType.BARGE_IN;
import static io.vigil.session.domain.SessionEventType.CONSENT_GIVEN;
import static io.vigil.session.domain.SessionEventType.DISCLOSURE_DELIVERED;
import static io.vigil.session.domain.SessionEventType.POLICY_TRIGGER;
import static io.vigil.session.domain.SessionEventType.RESPONSE_DONE;
import static io.vigil.session.domain.SessionEventType.SESSION_ENDED;
import static io.vigil.session.domain.SessionEventType.SESSION_STARTED;
import static io.vigil.session.domain.SessionEventType.TOOL_CALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.session.audio.Base64Audio;
import io.vigil.session.audio.MuLawCodec;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.audio.Resampler;
import io.vigil.session.domain.Channel;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.SessionEventType;
import io.vigil.session.domain.Speaker;
import io.vigil.session.realtime.RealtimeCodec;
import io.vigil.session.realtime.RealtimeEvent;
import io.vigil.session.simulator.AgentScript;
import io.vigil.session.simulator.RealtimeSimulator;
import io.vigil.session.simulator.SpeechSynthesizer;
import io.vigil.session.twilio.TwilioMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A whole phone call in plain Java, on simulated time: a fake Twilio phone (it plays what it receives in real time,
 * echoes marks once played and empties its buffer on {@code clear}, as Twilio does) talks through the
 * {@link TwilioCallGateway} and a {@link LiveSession} to the embedded {@link RealtimeSimulator}. The caller speaks
 * real (synthesised) audio, so the simulator's VAD finds the turns; the simulator's scripted caller provides the
 * words, since there is no speech recogniser.
 */
class ScriptedPhoneCallTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SID = "MZ0000000000000000000000000000000a";

    private final Harness sinks = new Harness();
    private final Deque<String> toTwilio = new ArrayDeque<>();
    private final Deque<String> toUpstream = new ArrayDeque<>();
    private final Deque<RealtimeEvent> toUpstreamEvents = new ArrayDeque<>();
    /** The embedded agent in this JVM: events cross as objects, with no JSON in between. */
    private boolean direct;
    /** An upstream that does not take G.711: it ignores the formats it is asked for and stays on PCM16 24 kHz. */
    private boolean pcmOnlyUpstream;
    private final Deque<RealtimeEvent> fromSimulator = new ArrayDeque<>();
    private final List<String> upstreamLog = new ArrayList<>();
    private final RealtimeCodec codec = new RealtimeCodec();
    private final Phone phone = new Phone();
    private int agentAudioDone;
    private String hungUp;
    private LiveSession session;

    /** Twilio's side: a playback buffer of 20 ms frames (whatever the size of the media messages) and marks. */
    private final class Phone {
        final Deque<String> buffer = new ArrayDeque<>(); // "audio" or the name of a mark
        final Deque<byte[]> speech = new ArrayDeque<>();
        long playedMs;
        long idleMs;
        int seq;

        void receive(String frame) throws Exception {
            JsonNode m = JSON.readTree(frame);
            switch (m.path("event").asText()) {
                case "media" -> {
                    assertEquals(SID, m.path("streamSid").asText());
                    byte[] payload = Base64Audio.decode(m.path("media").path("payload").asText());
                    assertTrue(payload.length > 0, "a media message carries audio");
                    for (int i = 0; i < payload.length; i += 160) {
                        buffer.add("audio"); // Twilio plays what it is sent 20 ms at a time
                    }
                }
                case "mark" -> buffer.add("mark:" + m.path("mark").path("name").asText());
                case "clear" -> {
                    List<String> pending = new ArrayList<>(buffer);
                    buffer.clear();
                    for (String p : pending) {
                        if (p.startsWith("mark:")) {
                            echo(p.substring(5));
                        }
                    }
                }
                default -> throw new AssertionError("unexpected frame to Twilio: " + frame);
            }
        }

        /** One 20 ms tick of the phone line: play a frame, echo the marks it passed, send 20 ms of the caller. */
        void tick() {
            echoLeadingMarks();
            if (!buffer.isEmpty()) {
                buffer.poll();
                playedMs += 20;
                idleMs = 0;
            } else {
                idleMs += 20;
            }
            echoLeadingMarks();
            byte[] frame = speech.isEmpty() ? silence() : speech.poll();
            send("{\"event\":\"media\",\"sequenceNumber\":\"" + (++seq) + "\",\"media\":{\"track\":\"inbound\","
                    + "\"chunk\":\"" + seq + "\",\"timestamp\":\"" + seq * 20 + "\",\"payload\":\""
                    + Base64Audio.encode(frame) + "\"},\"streamSid\":\"" + SID + "\"}");
        }

        void say(String words) {
            byte[] pcm = new SpeechSynthesizer().speak(words).pcm16();
            byte[] mu = MuLawCodec.encode(Resampler.downsampler24kTo8k().process(Pcm16.fromBytes(pcm)));
            for (int i = 0; i < mu.length; i += 160) {
                speech.add(Arrays.copyOf(Arrays.copyOfRange(mu, i, Math.min(mu.length, i + 160)), 160));
            }
        }

        boolean speaking() {
            return !speech.isEmpty();
        }

        private void echoLeadingMarks() {
            while (!buffer.isEmpty() && buffer.peek().startsWith("mark:")) {
                echo(buffer.poll().substring(5));
            }
        }

        private void echo(String name) {
            send("{\"event\":\"mark\",\"sequenceNumber\":\"" + (++seq) + "\",\"streamSid\":\"" + SID
                    + "\",\"mark\":{\"name\":\"" + name + "\"}}");
        }

        private byte[] silence() {
            byte[] s = new byte[160];
            Arrays.fill(s, (byte) 0xFF);
            return s;
        }
    }

    private TwilioCallGateway gateway;
    private RealtimeSimulator simulator;

    private void send(String twilioFrame) {
        gateway.fromTwilio(twilioFrame);
    }

    private static void withoutFormats(ObjectNode session) {
        session.remove("input_audio_format");
        session.remove("output_audio_format");
    }

    /** Delivers every queued frame in both directions until nothing moves. */
    private void pump() throws Exception {
        boolean moved = true;
        while (moved) {
            moved = false;
            while (!toUpstream.isEmpty()) {
                String f = toUpstream.poll();
                upstreamLog.add(f);
                if (pcmOnlyUpstream && f.contains("\"session.update\"")) {
                    ObjectNode update = (ObjectNode) JSON.readTree(f);
                    withoutFormats((ObjectNode) update.path("session"));
                    f = update.toString();
                }
                simulator.onClientFrame(f);
                moved = true;
            }
            while (!toUpstreamEvents.isEmpty()) {
                RealtimeEvent e = toUpstreamEvents.poll();
                upstreamLog.add(codec.encode(e));
                if (pcmOnlyUpstream && e instanceof RealtimeEvent.SessionUpdate u) {
                    ObjectNode session = u.session().deepCopy();
                    withoutFormats(session);
                    e = new RealtimeEvent.SessionUpdate(u.eventId(), session);
                }
                simulator.onClientEvent(e);
                moved = true;
            }
            while (!fromSimulator.isEmpty()) {
                RealtimeEvent e = fromSimulator.poll();
                if (e instanceof RealtimeEvent.AudioDone) {
                    agentAudioDone++;
                }
                if (direct) {
                    gateway.fromUpstream(e);
                } else {
                    gateway.fromUpstream(codec.encode(e));
                }
                moved = true;
            }
            while (!toTwilio.isEmpty()) {
                phone.receive(toTwilio.poll());
                moved = true;
            }
        }
    }

    private void tick() throws Exception {
        sinks.now += 20;
        phone.tick();
        simulator.advance();
        pump();
    }

    /** Runs the line until the agent has finished {@code replies} spoken replies and the phone has played them. */
    private void untilAgentHasSpoken(int replies) throws Exception {
        for (int i = 0; i < 5_000 && !(agentAudioDone >= replies && phone.idleMs >= 400 && !phone.speaking()); i++) {
            tick();
        }
        assertEquals(replies, agentAudioDone, "agent replies so far");
    }

    @ParameterizedTest(name = "events as objects: {0}, upstream without G.711: {1}")
    @CsvSource({"false, false", "true, false", "true, true"})
    void aWholeCallWithDisclosureConsentAQuestionABargeInAGatedToolAndAHangUp(boolean direct, boolean pcmOnly)
            throws Exception {
        this.direct = direct;
        this.pcmOnlyUpstream = pcmOnly;
        UUID tenant = UUID.randomUUID();
        simulator = new RealtimeSimulator(AgentScript.frontDesk(), List.of("Yes, that's fine.",
                "What are your opening hours?", "Actually, I want a refund please.", "Yes, go ahead.",
                "That's all, bye."), RealtimeSimulator.Settings.defaults(), sinks, fromSimulator::add);
        java.util.function.BiFunction<TwilioMessage.Start, java.util.function.Consumer<SessionAction>, LiveSession> sessions =
                (start, actions) -> {
                    assertEquals("front-desk", start.customParameters().get("agentProfile"));
                    session = new LiveSession(new SessionStart(tenant, UUID.randomUUID(), "front-desk", Channel.PHONE,
                            "caller-hash", start.customParameters()), SessionPolicy.defaults(), Harness.ENGINE, sinks,
                            sinks, sinks, actions);
                    return session;
                };
        ToolRunner tools = (name, args) -> "{\"refunded\":40}";
        gateway = direct
                ? TwilioCallGateway.withEventUpstream(sessions, tools, toTwilio::add, reason -> hungUp = reason,
                        toUpstreamEvents::add)
                : new TwilioCallGateway(sessions, tools, toTwilio::add, toUpstream::add, reason -> hungUp = reason);

        simulator.start();
        send("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
        send("{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"accountSid\":\"AC1\",\"streamSid\":\""
                + SID + "\",\"callSid\":\"CA1\",\"tracks\":[\"inbound\"],\"customParameters\":{\"agentProfile\":"
                + "\"front-desk\"},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,"
                + "\"channels\":1}},\"streamSid\":\"" + SID + "\"}");
        pump();

        untilAgentHasSpoken(1); // greeting: disclosure and the consent question
        long greetingPlayed = phone.playedMs;
        assertTrue(greetingPlayed > 5_000, "the whole greeting was played: " + greetingPlayed);
        int callerWritesBeforeConsent = (int) sinks.written.stream()
                .filter(w -> w.track() == AudioSink.Track.CALLER).count();
        assertEquals(0, callerWritesBeforeConsent, "no raw caller audio before consent");

        phone.say("Yes, that's fine.");
        untilAgentHasSpoken(2);
        assertTrue(sinks.written.stream().anyMatch(w -> w.track() == AudioSink.Track.CALLER));

        phone.say("What are your opening hours?");
        for (int i = 0; i < 5_000 && (phone.speaking() || phone.idleMs > 0); i++) {
            tick(); // until the caller has finished and the answer has begun to play
        }
        long before = phone.playedMs;
        for (int i = 0; i < 5_000 && phone.playedMs < before + 1_500; i++) {
            tick(); // the answer has been playing for 1.5 s...
        }
        phone.say("Actually, I want a refund please."); // ...when the caller cuts in
        for (int i = 0; i < 100 && sinks.events(BARGE_IN).isEmpty(); i++) {
            tick();
        }
        untilAgentHasSpoken(4); // the hours answer (completed upstream) and the confirmation question
        phone.say("Yes, go ahead.");
        untilAgentHasSpoken(5);
        phone.say("That's all, bye.");
        untilAgentHasSpoken(6);
        send("{\"event\":\"stop\",\"sequenceNumber\":\"999\",\"streamSid\":\"" + SID + "\",\"stop\":{"
                + "\"accountSid\":\"AC1\",\"callSid\":\"CA1\"}}");
        send("{\"event\":\"media\",\"streamSid\":\"" + SID + "\",\"media\":{\"payload\":\"/w==\"}}");
        pump();

        assertEquals(List.of(SESSION_STARTED, DISCLOSURE_DELIVERED, RESPONSE_DONE, CONSENT_GIVEN, RESPONSE_DONE,
                RESPONSE_DONE, BARGE_IN, TOOL_CALL, RESPONSE_DONE, RESPONSE_DONE, POLICY_TRIGGER, RESPONSE_DONE,
                RESPONSE_DONE, SESSION_ENDED), sinks.eventTypes());

        // caller audio went up as the upstream took it: mu-law 8 kHz, or PCM16 24 kHz resampled for a PCM-only model
        JsonNode append = upstreamLog.stream().map(this::tree)
                .filter(n -> n.path("type").asText().equals("input_audio_buffer.append")).findFirst().orElseThrow();
        assertEquals(pcmOnly ? 960 : 160, Base64Audio.decode(append.path("audio").asText()).length,
                "one 20 ms frame");

        // barge-in: truncated at what the phone really played, and the upstream accepted it
        JsonNode barge = JSON.readTree(sinks.events(BARGE_IN).get(0).payloadJson());
        long played = barge.path("playedMs").asLong();
        assertTrue(played >= 1_500 && played <= 1_800, "played " + played);
        JsonNode truncate = upstreamLog.stream().map(this::tree)
                .filter(n -> n.path("type").asText().equals("conversation.item.truncate")).findFirst().orElseThrow();
        assertEquals(played, truncate.path("audio_end_ms").asLong());
        String heard = simulator.agentTranscript(truncate.path("item_id").asText());
        assertTrue(heard.startsWith("We are open") && !heard.contains("Friday"), heard);

        // the tool ran only after the caller said yes
        assertTrue(sinks.events(TOOL_CALL).get(0).payloadJson().contains("\"gated\":true"));
        int toolOutputAt = indexOf("function_call_output");
        int confirmationAt = indexOf("please confirm");
        assertTrue(confirmationAt >= 0 && toolOutputAt > confirmationAt, "output after the confirmation");

        // transcripts stored, redacted, both speakers; only the expected flag
        List<SessionRecord.Segment> segments = sinks.segments();
        assertTrue(segments.stream().anyMatch(s -> s.speaker() == Speaker.CALLER
                && s.redactedText().equals("What are your opening hours?")));
        assertTrue(segments.stream().anyMatch(s -> s.speaker() == Speaker.AGENT
                && s.redactedText().contains("virtual assistant")));
        assertEquals(List.of(FlagReason.HIGH_RISK_TOOL_CALL), sinks.records.stream()
                .filter(r -> r instanceof SessionRecord.RaisedFlag).map(r -> ((SessionRecord.RaisedFlag) r).reason())
                .toList());
        JsonNode ended = JSON.readTree(sinks.events(SESSION_ENDED).get(0).payloadJson());
        assertEquals("CALLER", ended.path("endedBy").asText());
        assertEquals(0, ended.path("metrics").path("badFrames").asLong(), "no frame refused during the call");
        assertEquals(1, session.metrics().badFrames(), "the frame after stop was refused and counted");
        assertTrue(ended.path("metrics").path("framesDropped").asLong() == 0, "marks kept the buffer exact");
        assertEquals(null, hungUp, "the caller hung up, not the policy");
        assertTrue(sinks.closed, "recorder closed");
        assertTrue(sinks.events(SessionEventType.RESPONSE_DONE).stream().allMatch(e -> e.payloadJson()
                .contains("\"status\":\"completed\"")));
    }

    private int indexOf(String text) {
        for (int i = 0; i < upstreamLog.size(); i++) {
            if (upstreamLog.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private JsonNode tree(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
