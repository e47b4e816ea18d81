package io.vigil.session.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.session.audio.MuLawCodec;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.audio.Resampler;
import io.vigil.session.realtime.AudioEventNaming;
import io.vigil.session.realtime.RealtimeEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealtimeSimulatorTest {

    private long now = 0;
    private final List<RealtimeEvent> out = new ArrayList<>();

    private RealtimeSimulator simulator(List<String> caller, AudioEventNaming naming) {
        return new RealtimeSimulator(AgentScript.frontDesk(), caller, new RealtimeSimulator.Settings(naming, 4.0,
                100, io.vigil.session.audio.VoiceActivityDetector.Settings.defaults()), () -> now, out::add);
    }

    private <T extends RealtimeEvent> List<T> of(Class<T> type) {
        return out.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String frame(byte[] pcm) {
        return "{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                + io.vigil.session.audio.Base64Audio.encode(pcm) + "\"}";
    }

    @Test
    void theGreetingStreamsAsPacedAudioWithMatchingTranscript() {
        RealtimeSimulator sim = simulator(List.of(), AudioEventNaming.GA);
        sim.start();
        sim.onClientFrame("{\"type\":\"response.create\"}");
        int firstBurst = of(RealtimeEvent.AudioDelta.class).size();
        assertTrue(firstBurst >= 1 && sim.responding(), "streams in real time, not all at once");
        for (int i = 0; i < 1000 && sim.responding(); i++) {
            now += 20;
            sim.advance();
        }
        List<RealtimeEvent.AudioDelta> audio = of(RealtimeEvent.AudioDelta.class);
        assertTrue(audio.stream().allMatch(a -> a.type().equals("response.output_audio.delta")));
        long ms = audio.stream().mapToLong(a -> Pcm16.durationMs(a.audio().length, Pcm16.REALTIME_RATE)).sum();
        String text = AgentScript.frontDesk().greeting();
        assertTrue(ms > text.length() * 40L && ms < text.length() * 120L, ms + " ms for " + text.length() + " chars");
        String deltas = String.join("", of(RealtimeEvent.TranscriptDelta.class).stream()
                .map(RealtimeEvent.TranscriptDelta::delta).toList());
        assertEquals(text, deltas);
        assertEquals(text, of(RealtimeEvent.TranscriptDone.class).get(0).transcript());
        assertEquals("completed", of(RealtimeEvent.ResponseDone.class).get(0).status());
        assertTrue(now < ms, "four times faster than real time");
    }

    @Test
    void serverVadTurnsSpeechIntoATurnWithTheScriptedTranscript() {
        RealtimeSimulator sim = simulator(List.of("yes please"), AudioEventNaming.BETA);
        sim.start();
        sim.onClientFrame("{\"type\":\"response.create\"}");
        sim.onClientFrame("{\"type\":\"response.cancel\"}");
        out.clear();
        byte[] speech = new SpeechSynthesizer().speak("yes please").pcm16();
        sim.onClientFrame(frame(new byte[Pcm16.bytesFor(400, Pcm16.REALTIME_RATE)]));
        sim.onClientFrame(frame(speech));
        sim.onClientFrame(frame(new byte[Pcm16.bytesFor(800, Pcm16.REALTIME_RATE)]));
        RealtimeEvent.SpeechStarted started = of(RealtimeEvent.SpeechStarted.class).get(0);
        assertEquals(100, started.audioStartMs(), "onset at 400 ms minus 300 ms of padding");
        assertEquals(1, of(RealtimeEvent.SpeechStopped.class).size());
        assertEquals("yes please", of(RealtimeEvent.InputTranscriptionCompleted.class).get(0).transcript());
        String reply = String.join("", of(RealtimeEvent.TranscriptDelta.class).stream()
                .map(RealtimeEvent.TranscriptDelta::delta).toList());
        assertTrue(AgentScript.frontDesk().consentThanks().startsWith(reply), reply);
        assertEquals("response.audio.delta", of(RealtimeEvent.AudioDelta.class).get(0).type());
    }

    @Test
    void g711SessionsAreHeardAndAnsweredAt8kHzMuLaw() {
        RealtimeSimulator sim = simulator(List.of("yes please"), AudioEventNaming.GA);
        sim.onClientFrame("{\"type\":\"session.update\",\"session\":{\"input_audio_format\":\"g711_ulaw\","
                + "\"output_audio_format\":\"g711_ulaw\"}}");
        sim.onClientFrame("{\"type\":\"response.create\"}");
        sim.onClientFrame("{\"type\":\"response.cancel\"}");
        out.clear();
        byte[] speech = MuLawCodec.encode(Resampler.downsampler24kTo8k().process(Pcm16.fromBytes(
                new SpeechSynthesizer().speak("yes please").pcm16())));
        byte[] silence400 = MuLawCodec.encode(new short[8 * 400]);
        sim.onClientFrame(frame(silence400));
        sim.onClientFrame(frame(speech));
        sim.onClientFrame(frame(MuLawCodec.encode(new short[8 * 800])));
        assertEquals(100, of(RealtimeEvent.SpeechStarted.class).get(0).audioStartMs(),
                "the onset at 400 ms of 8 kHz input, minus 300 ms of padding");
        long spokenMs = speech.length / 8;
        assertEquals(400 + spokenMs, of(RealtimeEvent.SpeechStopped.class).get(0).audioEndMs(), 60,
                "stopped where the 8 kHz speech ends");
        for (int i = 0; i < 1000 && sim.responding(); i++) {
            now += 20;
            sim.advance();
        }
        List<RealtimeEvent.AudioDelta> audio = of(RealtimeEvent.AudioDelta.class);
        int bytes = audio.stream().mapToInt(a -> a.audio().length).sum();
        int pcm24 = new SpeechSynthesizer().speak(AgentScript.frontDesk().consentThanks()).pcm16().length;
        assertEquals(pcm24 / 6, bytes, 1, "one mu-law byte per 8 kHz sample: a sixth of the 24 kHz PCM16 reply");
        assertEquals(800, audio.get(0).audio().length, "100 ms chunks at 8 kHz");
        double level = Pcm16.rmsDbfs(MuLawCodec.decode(audio.get(0).audio()), 0, 800);
        assertTrue(level > -40, "speech, not silence: " + level + " dBFS");
    }

    @Test
    void cancelTruncateAndErrorsBehaveAsUpstream() {
        RealtimeSimulator sim = simulator(List.of(), AudioEventNaming.GA);
        sim.onClientFrame("{\"type\":\"response.create\"}");
        String item = of(RealtimeEvent.AudioDelta.class).get(0).itemId();
        sim.onClientFrame("{\"type\":\"response.create\"}");
        assertEquals("conversation_already_has_active_response", of(RealtimeEvent.Error.class).get(0).code());
        sim.onClientFrame("{\"type\":\"response.cancel\"}");
        assertEquals("cancelled", of(RealtimeEvent.ResponseDone.class).get(0).status());
        assertFalse(sim.responding());
        sim.onClientFrame("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + item
                + "\",\"content_index\":0,\"audio_end_ms\":60000}");
        assertTrue(of(RealtimeEvent.Error.class).get(1).message().contains("past the end"));
        sim.onClientFrame("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + item
                + "\",\"content_index\":0,\"audio_end_ms\":50}");
        assertEquals(50, of(RealtimeEvent.ItemTruncated.class).get(0).audioEndMs());
        assertEquals("Hello,", sim.agentTranscript(item));
        sim.onClientFrame("{\"type\":\"response.cancel\"}");
        assertEquals("response_cancel_not_active", of(RealtimeEvent.Error.class).get(2).code());
        sim.onClientFrame("{oops");
        assertEquals("invalid_json", of(RealtimeEvent.Error.class).get(3).code());
        sim.onClientFrame("{\"type\":\"input_audio_buffer.commit\"}");
        assertEquals("input_audio_buffer_commit_empty", of(RealtimeEvent.Error.class).get(4).code());
    }

    @Test
    void textItemsAndToolCallsFollowTheScript() {
        RealtimeSimulator sim = simulator(List.of(), AudioEventNaming.GA);
        sim.onClientFrame("{\"type\":\"session.update\",\"session\":{\"turn_detection\":null}}");
        assertInstanceOf(RealtimeEvent.SessionState.class, out.get(0));
        RealtimeSimulator unpaced = new RealtimeSimulator(AgentScript.frontDesk(), List.of(),
                new RealtimeSimulator.Settings(AudioEventNaming.GA, 0, 100,
                        io.vigil.session.audio.VoiceActivityDetector.Settings.defaults()), () -> now, out::add);
        unpaced.onClientFrame("{\"type\":\"response.create\"}"); // greeting
        unpaced.onClientFrame("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":"
                + "\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"sure\"}]}}");
        unpaced.onClientFrame("{\"type\":\"response.create\"}"); // consent thanks
        unpaced.onClientFrame("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":"
                + "\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"I need a refund\"}]}}");
        unpaced.onClientFrame("{\"type\":\"response.create\"}");
        RealtimeEvent.FunctionCallArgumentsDone call = of(RealtimeEvent.FunctionCallArgumentsDone.class).get(0);
        assertEquals("issue_refund", call.name());
        unpaced.onClientFrame("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\","
                + "\"call_id\":\"" + call.callId() + "\",\"output\":\"{}\"}}");
        unpaced.onClientFrame("{\"type\":\"response.create\"}");
        List<RealtimeEvent.TranscriptDone> said = of(RealtimeEvent.TranscriptDone.class);
        assertEquals(AgentScript.frontDesk().consentThanks(), said.get(1).transcript());
        assertTrue(said.get(2).transcript().contains("refund of forty dollars"));
    }
}
