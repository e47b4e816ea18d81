package io.vigil.session.pipeline;

import static io.vigil.session.domain.SessionEventType.RECORDING_PAUSED;
import static io.vigil.session.domain.SessionEventType.RECORDING_RESUMED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.session.audio.Pcm16;
import io.vigil.session.domain.Speaker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Card numbers never reach the caller's recording: their turn is written as silence of the same length. */
class PciPauseTest {

    /** A recorder that keeps the caller track as bytes, with where each frame was placed. */
    static final class Tape implements AudioSink {
        final ByteArrayOutputStream caller = new ByteArrayOutputStream();
        final List<Long> positions = new ArrayList<>();

        @Override
        public void write(Track track, long atMs, byte[] pcm) {
            if (track == Track.CALLER) {
                positions.add(atMs);
                caller.writeBytes(pcm);
            }
        }

        @Override
        public void close() {
        }

        /** Whether the recorded caller audio in [fromMs, toMs) is all zero. */
        boolean silent(long fromMs, long toMs) {
            byte[] all = caller.toByteArray();
            int from = Pcm16.bytesFor(fromMs, Harness.RATE);
            int to = Math.min(all.length, Pcm16.bytesFor(toMs, Harness.RATE));
            for (int i = from; i < to; i++) {
                if (all[i] != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private static byte[] voice(int ms) {
        byte[] pcm = new byte[Pcm16.bytesFor(ms, Harness.RATE)];
        Arrays.fill(pcm, (byte) 7);
        return pcm;
    }

    @Test
    void aTurnWithACardNumberIsRecordedAsSilenceOfTheSameLength() throws IOException {
        Tape tape = new Tape();
        PciAudioGate gate = new PciAudioGate(tape);
        long at = 0;
        for (int i = 0; i < 100; i++, at += 20) { // 0..2 s: a turn starting at 1 s
            if (at == 1_000) {
                gate.turnStarted(1_000);
            }
            gate.caller(at, 20, voice(20));
        }
        gate.turnStopped(2_000);
        for (int i = 0; i < 25; i++, at += 20) {
            gate.caller(at, 20, voice(20));
        }
        assertEquals(50, tape.positions.size(), "audio from the turn's onset waits for its transcript");
        PciAudioGate.Pause pause = gate.judged(true);
        assertEquals(new PciAudioGate.Pause(1_000, 2_000, "PCI"), pause);
        for (int i = 0; i < 100; i++, at += 20) {
            gate.caller(at, 20, voice(20));
        }
        gate.flush();
        assertEquals(Pcm16.bytesFor(at, Harness.RATE), tape.caller.size(), "nothing dropped");
        assertTrue(tape.silent(1_000, 2_000), "the card turn is silence");
        assertTrue(!tape.silent(980, 1_000) && !tape.silent(2_000, 2_020), "audio around it is kept");
        for (int i = 0; i < tape.positions.size(); i++) {
            assertEquals(i * 20L, tape.positions.get(i), "positions stay aligned");
        }
    }

    @Test
    void anOrdinaryTurnIsRecordedAsSpokenAndATurnNeverJudgedIsSilencedAtTheEnd() throws IOException {
        Tape tape = new Tape();
        PciAudioGate gate = new PciAudioGate(tape);
        gate.turnStarted(0);
        gate.caller(0, 500, voice(500));
        gate.turnStopped(500);
        assertEquals(null, gate.judged(false));
        gate.turnStarted(600);
        gate.caller(500, 500, voice(500));
        List<PciAudioGate.Pause> atEnd = gate.flush();
        assertEquals(List.of(new PciAudioGate.Pause(600, 1_000, "PCI_UNVERIFIED")), atEnd);
        assertTrue(!tape.silent(0, 500));
        assertTrue(tape.silent(500, 1_000), "a frame touching an unverified turn is silenced whole");
    }

    @Test
    void aCardReadOutInPartsIsCaughtByItsContext() {
        CardTalk talk = new CardTalk();
        talk.agentSaid("Sure. What is the long number on your card?");
        assertTrue(talk.callerTurnCarriesCard("four one one one, one one one one", List.of()));
        assertTrue(talk.callerTurnCarriesCard("one one one one one one one one", List.of()), "the next part too");
        assertTrue(!talk.callerTurnCarriesCard("that's all, thanks", List.of()));
        assertTrue(!talk.callerTurnCarriesCard("my flat is number 1204", List.of()), "digits without a card");
        assertTrue(talk.callerTurnCarriesCard("My card number is 4111 1111 1111 1111.",
                Harness.ENGINE.detect("My card number is 4111 1111 1111 1111.")));
    }

    @Test
    void theSessionPausesTheRecordingAroundASpokenCardNumberAndSaysSo() {
        Tape tape = new Tape();
        Harness h = new Harness(SessionPolicy.defaults(), Map.of("consent", "given"), tape);
        h.session.begin();
        h.discloseAndConsent();
        for (int i = 0; i < 50; i++) {
            h.session.on(new CanonicalEvent.CallerAudio(voice(20)));
        }
        h.session.on(new CanonicalEvent.CallerSpeechStarted(1_000));
        for (int i = 0; i < 100; i++) {
            h.session.on(new CanonicalEvent.CallerAudio(voice(20)));
        }
        h.session.on(new CanonicalEvent.CallerSpeechStopped(3_000));
        h.session.on(new CanonicalEvent.TranscriptDone(Speaker.CALLER, "c9",
                "my card is four one one one one one one one one one one one one one one one"));
        for (int i = 0; i < 100; i++) {
            h.session.on(new CanonicalEvent.CallerAudio(voice(20)));
        }
        h.session.end("CALLER");
        assertEquals(1, h.events(RECORDING_PAUSED).size());
        assertEquals(1_000, h.events(RECORDING_PAUSED).get(0).atMs());
        assertTrue(h.events(RECORDING_PAUSED).get(0).payloadJson().contains("\"reason\":\"PCI\""));
        assertEquals(3_000, h.events(RECORDING_RESUMED).get(0).atMs());
        assertEquals(2_000, h.session.metrics().pciPausedMs());
        assertTrue(tape.silent(1_000, 3_000));
        assertTrue(!tape.silent(0, 1_000) && !tape.silent(3_000, 5_000));
        assertEquals(Pcm16.bytesFor(5_000, Harness.RATE), tape.caller.size());
        assertTrue(!h.segments().toString().contains("four one one one"), "the transcript is redacted as ever");
    }
}
