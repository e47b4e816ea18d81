package io.vigil.session.audio;

/**
 * A streaming 1:3 or 3:1 PCM16 resampler between telephone audio (8 kHz) and Realtime audio (24 kHz).
 *
 * <p>Both directions use the same low-pass FIR, designed at 24 kHz: a windowed sinc (Hamming, {@value #TAPS} taps)
 * with its cutoff at {@value #CUTOFF_HZ} Hz, below the 4 kHz Nyquist limit of the 8 kHz side. Upsampling stuffs two
 * zeros after each input sample and filters (gain 3, so the level is kept); downsampling filters and keeps every
 * third sample, so content above 4 kHz is removed instead of aliased. The filter is evaluated polyphase (only the
 * taps that meet non-zero input) in Q14 fixed point: integer multiply-adds over contiguous arrays, which the JIT
 * vectorises, within 32 steps of the double-precision filter on full-scale noise. History is kept across calls, so
 * a stream cut into 20 ms frames gives exactly the same output as the whole stream at once. The output lags the input by the filter's group delay, about 2 ms.
 *
 * <p>Not thread-safe: one instance per audio stream and direction.
 */
public final class Resampler {

    static final int TAPS = 96;
    static final double CUTOFF_HZ = 3_500;

    private static final float[] FILTER = design();

    /** Tap {@code j} of the low-pass filter (for tests). */
    static float tap(int j) {
        return FILTER[j];
    }

    /** Ring of the newest input samples, each stored twice so the filter reads a contiguous run (no modulo). */
    private static final int RING = 128;
    /** Taps in fixed point, Q14: integer multiply-adds the JIT can vectorise; the sum of |taps| keeps them in an int. */
    private static final int Q = 14;

    private final int up;
    private final int down;
    /**
     * phases[p][i]: the taps that meet input when the output sits at phase p, oldest input first (so the filter and
     * the ring are both read forwards), in Q14 with the output gain ({@code up}) folded in.
     */
    private final int[][] phases;
    private final int[] ring = new int[2 * RING];
    private long inCount;
    private long outCount;

    private Resampler(int up, int down) {
        this.up = up;
        this.down = down;
        this.phases = new int[up][];
        for (int p = 0; p < up; p++) {
            int n = (TAPS - p + up - 1) / up;
            phases[p] = new int[n];
            long absolute = 0;
            for (int i = 0; i < n; i++) {
                int tap = (int) Math.round(FILTER[p + i * up] * up * (double) (1 << Q));
                phases[p][n - 1 - i] = tap;
                absolute += Math.abs(tap);
            }
            if (absolute * 32_768L >= Integer.MAX_VALUE) {
                throw new IllegalStateException("the filter's taps could overflow an int sum");
            }
        }
    }

    /** 8 kHz in, 24 kHz out. */
    public static Resampler upsampler8kTo24k() {
        return new Resampler(3, 1);
    }

    /** 24 kHz in, 8 kHz out. */
    public static Resampler downsampler24kTo8k() {
        return new Resampler(1, 3);
    }

    public short[] process(short[] in) {
        short[] out = new short[(int) ((in.length + 1L) * up / down) + 2];
        int n = 0;
        for (short s : in) {
            int at = (int) (inCount & (RING - 1));
            ring[at] = s;
            ring[at + RING] = s;
            long newest = inCount++;
            while (outCount * down / up <= newest) {
                out[n++] = sampleAt(outCount++);
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /**
     * Output sample m: the filter over the zero-stuffed input at position m * down, i.e. the taps of one phase against
     * the newest inputs up to k = t / up (inputs before the stream's start are zero), rounded from Q14.
     */
    private short sampleAt(long m) {
        long t = m * down;
        long k = t / up;
        int[] taps = phases[(int) (t - k * up)];
        int from = (int) (k & (RING - 1)) + RING - taps.length + 1;
        int sum = 0;
        for (int i = 0; i < taps.length; i++) {
            sum += taps[i] * ring[from + i];
        }
        int v = (sum + (1 << (Q - 1))) >> Q;
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }

    private static float[] design() {
        float[] h = new float[TAPS];
        double fc = CUTOFF_HZ / Pcm16.REALTIME_RATE;
        double mid = (TAPS - 1) / 2.0;
        double sum = 0;
        for (int i = 0; i < TAPS; i++) {
            double x = i - mid;
            double sinc = 2 * fc * Math.sin(2 * Math.PI * fc * x) / (2 * Math.PI * fc * x);
            double window = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (TAPS - 1));
            h[i] = (float) (sinc * window);
            sum += h[i];
        }
        for (int i = 0; i < TAPS; i++) {
            h[i] /= (float) sum;
        }
        return h;
    }
}
