package io.vigil.session.audio;

/**
 * PCM16 as the OpenAI Realtime protocol carries it: signed 16-bit samples, little-endian, mono. Conversions between
 * the byte form on the wire and {@code short[]} samples for processing, and durations.
 */
public final class Pcm16 {

    /** The sample rate of the Realtime protocol's {@code pcm16} / {@code audio/pcm} format and of Vigil's recorder. */
    public static final int REALTIME_RATE = 24_000;
    /** The sample rate of telephone audio (Twilio Media Streams). */
    public static final int TELEPHONE_RATE = 8_000;

    private Pcm16() {
    }

    /** Samples from little-endian bytes; a trailing odd byte is a framing error and is rejected. */
    public static short[] fromBytes(byte[] le) {
        if ((le.length & 1) != 0) {
            throw new AudioFormatException("PCM16 audio must have an even number of bytes, got " + le.length
                    + "; send whole 16-bit samples");
        }
        short[] out = new short[le.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((le[2 * i] & 0xFF) | (le[2 * i + 1] << 8));
        }
        return out;
    }

    public static byte[] toBytes(short[] samples) {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            out[2 * i] = (byte) samples[i];
            out[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return out;
    }

    /** Duration in milliseconds (rounded down) of {@code bytes} of PCM16 at {@code rate}. */
    public static long durationMs(long bytes, int rate) {
        return bytes / 2 * 1000 / rate;
    }

    /** Bytes of PCM16 at {@code rate} that last {@code ms} milliseconds (whole samples). */
    public static int bytesFor(long ms, int rate) {
        return (int) (ms * rate / 1000) * 2;
    }

    /** Root-mean-square level in dBFS (0 = full-scale square wave); silence gives {@code -120}. */
    public static double rmsDbfs(short[] samples, int from, int to) {
        if (to <= from) {
            return -120;
        }
        // integer squares summed exactly in a long: the same sum as in doubles, without a floating-point add chain
        long sum = 0;
        for (int i = from; i < to; i++) {
            int s = samples[i];
            sum += s * s;
        }
        double rms = Math.sqrt((double) sum / (to - from));
        return rms < 1e-3 ? -120 : 20 * Math.log10(rms / 32768.0);
    }
}
