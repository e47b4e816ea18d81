package io.vigil.session.simulator;

import io.vigil.session.audio.Pcm16;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into speech-like PCM16 at 24 kHz without a voice: each word is a voiced burst (a glottal-pulse-like
 * harmonic series on a falling pitch, shaped by two formants chosen from the word's first vowel), its length following
 * the number of letters at a speaking rate of about 14 characters a second, with pauses between words and longer ones
 * at punctuation. It is deterministic, sounds like a murmuring voice, carries real energy where words are (so VAD and
 * silence detection behave as with speech) and gives the time of every word, which the simulator uses to pace
 * transcript deltas and to truncate.
 */
public final class SpeechSynthesizer {

    /** A word of the utterance and where it lies in the audio. */
    public record Word(String text, long startMs, long endMs) {
    }

    /** The audio and the timing of each word. */
    public record Speech(byte[] pcm16, List<Word> words) {
        public long durationMs() {
            return Pcm16.durationMs(pcm16.length, Pcm16.REALTIME_RATE);
        }
    }

    private static final int RATE = Pcm16.REALTIME_RATE;
    private static final int MS_PER_LETTER = 60;
    private static final int WORD_BASE_MS = 60;
    private static final int GAP_MS = 40;
    private static final int COMMA_MS = 150;
    private static final int STOP_MS = 300;
    private static final double PEAK = 0.3;

    public Speech speak(String text) {
        String[] tokens = text.strip().split("\\s+");
        List<Word> words = new ArrayList<>();
        List<short[]> parts = new ArrayList<>();
        long atMs = 0;
        int total = 0;
        for (int i = 0; i < tokens.length; i++) {
            String w = tokens[i];
            if (w.isEmpty()) {
                continue;
            }
            int letters = (int) w.chars().filter(Character::isLetterOrDigit).count();
            int durMs = Math.max(120, WORD_BASE_MS + MS_PER_LETTER * letters);
            double pitch = 125 + (Math.floorMod(w.toLowerCase(Locale.ROOT).hashCode(), 30)) - 15.0 * i / tokens.length;
            short[] voiced = vowel(w, durMs, pitch);
            char last = w.charAt(w.length() - 1);
            int pauseMs = last == '.' || last == '?' || last == '!' ? STOP_MS : last == ',' ? COMMA_MS : GAP_MS;
            words.add(new Word(w, atMs, atMs + durMs));
            parts.add(voiced);
            parts.add(new short[RATE * pauseMs / 1000]);
            total += voiced.length + RATE * pauseMs / 1000;
            atMs += durMs + pauseMs;
        }
        short[] all = new short[total];
        int pos = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, all, pos, p.length);
            pos += p.length;
        }
        return new Speech(Pcm16.toBytes(all), words);
    }

    private static short[] vowel(String word, int durMs, double pitch) {
        double[] formants = formantsOf(word);
        int n = RATE * durMs / 1000;
        int harmonics = (int) (3800 / pitch);
        double[] gain = new double[harmonics + 1];
        double norm = 0;
        for (int k = 1; k <= harmonics; k++) {
            double f = k * pitch;
            gain[k] = resonance(f, formants[0], 90) + 0.5 * resonance(f, formants[1], 120) + 0.02;
            norm += gain[k];
        }
        short[] out = new short[n];
        int ramp = RATE * 15 / 1000;
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double f0 = pitch * (1 - 0.08 * i / n); // a slight fall, as in a statement
            phase += 2 * Math.PI * f0 / RATE;
            double s = 0;
            for (int k = 1; k <= harmonics; k++) {
                s += gain[k] * Math.sin(k * phase);
            }
            double env = Math.min(1, Math.min(i, n - 1 - i) / (double) ramp);
            env = 0.5 - 0.5 * Math.cos(Math.PI * env);
            out[i] = (short) Math.round(PEAK * 32767 * env * s / norm * 2.5);
        }
        return out;
    }

    private static double resonance(double f, double centre, double bandwidth) {
        double x = (f - centre) / bandwidth;
        return 1 / (1 + x * x);
    }

    private static double[] formantsOf(String word) {
        for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case 'a': return new double[] {730, 1090};
                case 'e': return new double[] {530, 1840};
                case 'i': case 'y': return new double[] {270, 2290};
                case 'o': return new double[] {570, 840};
                case 'u': return new double[] {300, 870};
                default: break;
            }
        }
        return new double[] {500, 1500};
    }
}
