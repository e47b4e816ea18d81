package io.vigil.session.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VoiceActivityDetectorTest {

    private static short[] noise(int samples, double amplitude, long seed) {
        Random r = new Random(seed);
        short[] s = new short[samples];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(r.nextGaussian() * amplitude * 32767);
        }
        return s;
    }

    @Test
    void silenceAndLowNoiseAreNotSpeech() {
        VoiceActivityDetector vad = new VoiceActivityDetector(24_000, VoiceActivityDetector.Settings.defaults());
        assertTrue(vad.accept(new short[24_000]).isEmpty());
        assertTrue(vad.accept(noise(48_000, 0.001, 1)).isEmpty()); // about -60 dBFS: line hiss
        assertFalse(vad.speaking());
        assertEquals(3000, vad.positionMs());
    }

    @Test
    void speechIsFoundWithPaddingAndEndsAfterTheSilenceWindow() {
        VoiceActivityDetector vad = new VoiceActivityDetector(24_000, VoiceActivityDetector.Settings.defaults());
        List<VoiceActivityDetector.Transition> seen = new ArrayList<>();
        seen.addAll(vad.accept(new short[24_000]));                          // 0..1000 ms silence
        seen.addAll(vad.accept(Tones.sine(220, 24_000, 19_200, 0.3)));       // 1000..1800 ms voiced
        seen.addAll(vad.accept(new short[24_000]));                          // 1800..2800 ms silence
        assertEquals(List.of(new VoiceActivityDetector.Transition(true, 700),
                new VoiceActivityDetector.Transition(false, 1800)), seen);
    }

    @Test
    void aShortClickIsNotSpeechAndPausesInsideSpeechDoNotEndIt() {
        VoiceActivityDetector vad = new VoiceActivityDetector(8000, VoiceActivityDetector.Settings.defaults());
        assertTrue(vad.accept(Tones.sine(300, 8000, 320, 0.5)).isEmpty()); // 40 ms click
        assertTrue(vad.accept(new short[8000]).isEmpty());
        assertEquals(1, vad.accept(Tones.sine(300, 8000, 4000, 0.2)).size());
        assertTrue(vad.accept(new short[1600]).isEmpty()); // 200 ms pause
        assertTrue(vad.accept(Tones.sine(300, 8000, 4000, 0.2)).isEmpty());
        assertTrue(vad.speaking());
    }
}
