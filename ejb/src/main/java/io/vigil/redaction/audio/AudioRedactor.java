package io.vigil.redaction.audio;

import io.vigil.session.audio.MuLawCodec;

import java.util.List;

/**
 * Writes a redacted copy of a WAV recording in which the given time ranges are silence or a tone. The copy keeps every
 * byte outside the ranges (headers, other chunks, untouched audio), so it stays the same length and alignment as the
 * original, which keeps transcript timings valid for the redacted copy too.
 */
public final class AudioRedactor {

    /** What replaces the audio inside a range. */
    public enum Fill { SILENCE, TONE }

    private final Fill fill;
    private final double toneHz;
    private final double toneAmplitude;

    /** @param toneAmplitude peak as a fraction of full scale (0..1]; ignored for silence */
    public AudioRedactor(Fill fill, double toneHz, double toneAmplitude) {
        if (toneAmplitude <= 0 || toneAmplitude > 1 || toneHz <= 0) {
            throw new IllegalArgumentException("tone needs a positive frequency and an amplitude in (0, 1]");
        }
        this.fill = fill;
        this.toneHz = toneHz;
        this.toneAmplitude = toneAmplitude;
    }

    /** Silence, the usual choice for recordings that will be listened to again. */
    public static AudioRedactor silence() {
        return new AudioRedactor(Fill.SILENCE, 1000, 0.25);
    }

    /** A 1 kHz "bleep" at a quarter of full scale: makes it audible that something was removed. */
    public static AudioRedactor tone() {
        return new AudioRedactor(Fill.TONE, 1000, 0.25);
    }

    public byte[] redact(byte[] wav, List<TimeRange> ranges) {
        WavFile in = WavFile.parse(wav);
        byte[] out = wav.clone();
        int rate = in.sampleRate();
        int frames = in.frameCount();
        for (TimeRange r : ranges) {
            int from = (int) Math.min(frames, Math.floorDiv(r.startMs() * rate, 1000));
            int to = (int) Math.min(frames, -Math.floorDiv(-r.endMs() * rate, 1000));
            for (int f = from; f < to; f++) {
                int value = fill == Fill.SILENCE ? 0
                        : (int) Math.round(toneAmplitude * 32767 * Math.sin(2 * Math.PI * toneHz * f / rate));
                for (int ch = 0; ch < in.channels(); ch++) {
                    write(in, out, f, ch, value);
                }
            }
        }
        return out;
    }

    private static void write(WavFile in, byte[] out, int frame, int channel, int value) {
        int at = in.dataOffset() + (frame * in.channels() + channel) * in.bytesPerSample();
        if (in.encoding() == WavFile.Encoding.PCM_16) {
            out[at] = (byte) value;
            out[at + 1] = (byte) (value >> 8);
        } else {
            out[at] = MuLawCodec.encode((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value)));
        }
    }
}
