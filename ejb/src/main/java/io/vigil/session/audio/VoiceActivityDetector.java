package io.vigil.session.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Energy-based voice activity detection, the "server VAD" of the Realtime protocol in its simplest honest form.
 *
 * <p>Audio is cut into 20 ms frames; a frame is voiced when its RMS level is at or above the threshold (dBFS).
 * Speech starts after {@code minSpeechMs} of consecutive voiced frames and is reported at the first voiced frame
 * minus {@code prefixPaddingMs} (never before the start of the stream), as the Realtime protocol's
 * {@code audio_start_ms}. Speech stops after {@code silenceMs} of unvoiced frames and is reported at the end of the
 * last voiced frame ({@code audio_end_ms}). Positions are milliseconds of audio since the detector was created, so
 * they do not depend on wall-clock time.
 *
 * <p>Not thread-safe: one instance per input stream.
 */
public final class VoiceActivityDetector {

    /** A change of state, at a position in the audio stream. */
    public record Transition(boolean speechStarted, long audioMs) {
    }

    /** Thresholds; the defaults match the Realtime protocol's server VAD (300 ms padding, 500 ms silence). */
    public record Settings(double thresholdDbfs, int minSpeechMs, int silenceMs, int prefixPaddingMs) {
        public static Settings defaults() {
            return new Settings(-40, 60, 500, 300);
        }
    }

    private static final int FRAME_MS = 20;

    private final Settings settings;
    private final int sampleRate;
    private final int frameSamples;
    private final short[] frame;
    private int filled;
    private long framesSeen;
    private boolean speaking;
    private int voicedRun;
    private int silentRun;
    private long lastVoicedEndMs;

    public VoiceActivityDetector(int sampleRate, Settings settings) {
        this.sampleRate = sampleRate;
        this.settings = settings;
        this.frameSamples = sampleRate * FRAME_MS / 1000;
        this.frame = new short[frameSamples];
    }

    public boolean speaking() {
        return speaking;
    }

    /** Milliseconds of audio consumed so far (whole frames). */
    public long positionMs() {
        return framesSeen * FRAME_MS;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Feeds samples; returns the transitions that became certain, in order. */
    public List<Transition> accept(short[] samples) {
        List<Transition> out = new ArrayList<>(1);
        int i = 0;
        while (i < samples.length) {
            int n = Math.min(frameSamples - filled, samples.length - i);
            System.arraycopy(samples, i, frame, filled, n);
            filled += n;
            i += n;
            if (filled == frameSamples) {
                onFrame(Pcm16.rmsDbfs(frame, 0, frameSamples) >= settings.thresholdDbfs(), out);
                filled = 0;
            }
        }
        return out;
    }

    private void onFrame(boolean voiced, List<Transition> out) {
        long frameStart = framesSeen * FRAME_MS;
        framesSeen++;
        if (voiced) {
            voicedRun++;
            silentRun = 0;
            lastVoicedEndMs = frameStart + FRAME_MS;
            if (!speaking && voicedRun * FRAME_MS >= settings.minSpeechMs()) {
                speaking = true;
                long firstVoiced = frameStart - (long) (voicedRun - 1) * FRAME_MS;
                out.add(new Transition(true, Math.max(0, firstVoiced - settings.prefixPaddingMs())));
            }
        } else {
            voicedRun = 0;
            silentRun++;
            if (speaking && silentRun * FRAME_MS >= settings.silenceMs()) {
                speaking = false;
                out.add(new Transition(false, lastVoicedEndMs));
            }
        }
    }
}
