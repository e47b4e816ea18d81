package io.vigil.session.audio;

/**
 * A streaming 1:3 or 3:1 PCM16 resampler between telephone audio (8 kHz) and Realtime audio (24 kHz).
 *
 * <p>Both directions use the same low-pass FIR, designed at 24 kHz: a windowed sinc (Hamming, {@value #TAPS} taps)
 * with its cutoff at {@value #CUTOFF_HZ} Hz, below the 4 kHz Nyquist limit of the 8 kHz side. Upsampling stuffs two
 * zeros after each input sample and filters (gain 3, so the level is kept); downsampling filters and keeps every
 * third sample, so content above 4 kHz is removed instead of aliased. The filter is evaluated polyphase (only the
 * taps that meet non-zero input) in Q14 fixed point, within 32 steps of the double-precision filter on full-scale
 * noise. History is kept across calls, so a stream cut into 20 ms frames gives exactly the same output as the whole
 * stream at once. The output lags the input by the filter's group delay, about 2 ms.
 *
 * <p>Speed: the sums are taken a tap at a time over the whole frame ({@code acc[j] += tap * x[j + offset]}), not an
 * output at a time, so the inner loop is a long unit-stride multiply-add that the JIT turns into SIMD instructions.
 * Downsampling first splits the input into its three sample phases so that its loops are unit-stride too. Integer
 * sums do not depend on their order, so this is exactly the one-output-at-a-time filter, only faster.
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

    /** Taps in fixed point, Q14; the sum of |taps| keeps a sum of products in an int (checked in the constructor). */
    static final int Q = 14;
    /** Inputs kept from one call to the next: the filter's reach back. */
    private static final int HISTORY = TAPS;

    private final int up;
    private final int down;
    /**
     * phases[p][i]: the taps that meet input when the output sits at phase p, oldest input first, in Q14 with the
     * output gain ({@code up}) folded in.
     */
    private final int[][] phases;
    /** The last {@link #HISTORY} inputs (zeros before the stream's start), then the inputs of the current call. */
    private int[] work = new int[HISTORY + 480];
    private final int[][] acc = {new int[480], new int[480], new int[480]};
    /** Runs of input copied to index 0, so that the inner loops read every array at the same index. */
    private final int[][] windows = {new int[480], new int[480], new int[480]};
    /** Downsampling: the inputs of each sample phase (see {@link #down}). */
    private final int[][] split = new int[3][];
    private long inCount;

    private Resampler(int up, int down) {
        this.up = up;
        this.down = down;
        this.phases = phases(up);
    }

    /** The filter split into {@code up} phases, oldest input first, in Q14 with the gain {@code up}. */
    static int[][] phases(int up) {
        int[][] phases = new int[up][];
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
        return phases;
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
        int n = in.length;
        if (work.length < HISTORY + n) {
            work = java.util.Arrays.copyOf(work, HISTORY + n);
        }
        for (int j = 0; j < n; j++) {
            work[HISTORY + j] = in[j];
        }
        short[] out = up == 3 ? up(n) : down(n);
        System.arraycopy(work, n, work, 0, HISTORY);
        inCount += n;
        return out;
    }

    /**
     * Output 3k + p (input k the newest it meets, phase p) is the phase's taps against inputs k - L + 1 .. k, where
     * input k of this call sits at {@code work[HISTORY + k]}. All three phases have L = 32 taps and so read the same
     * run of inputs for tap i: it is copied once to the start of {@link #window}, where every array in the inner loop
     * is read at the same index (what this JVM needs to use SIMD instructions), and serves the three phases.
     */
    private short[] up(int n) {
        short[] out = new short[n * 3];
        int[] a0 = accumulator(0, n);
        int[] a1 = accumulator(1, n);
        int[] a2 = accumulator(2, n);
        int[] x = window(0, n);
        int[] p0 = phases[0];
        int[] p1 = phases[1];
        int[] p2 = phases[2];
        int length = p0.length;
        for (int i = 0; i < length; i++) {
            System.arraycopy(work, HISTORY - length + 1 + i, x, 0, n);
            int c0 = p0[i];
            int c1 = p1[i];
            int c2 = p2[i];
            for (int j = 0; j < n; j++) {
                int v = x[j];
                a0[j] += c0 * v;
                a1[j] += c1 * v;
                a2[j] += c2 * v;
            }
        }
        for (int j = 0; j < n; j++) {
            out[3 * j] = round(a0[j]);
            out[3 * j + 1] = round(a1[j]);
            out[3 * j + 2] = round(a2[j]);
        }
        return out;
    }

    /**
     * Output m (absolute) is kept when input 3m arrives: the 96 taps against inputs 3m - 95 .. 3m. With tap i = 3q + r
     * that input is 3(m + q) + r - 95, so each tap residue r reads one sample phase of the input at unit stride:
     * {@code split[r][v + q]} for the call's v-th output.
     */
    private short[] down(int n) {
        long s = inCount;
        long first = Math.floorDiv(s + down - 1, down);
        long last = Math.floorDiv(s + n - 1, down);
        int count = (int) Math.max(0, last - first + 1);
        short[] out = new short[count];
        if (count == 0) {
            return out;
        }
        int[] taps = phases[0];
        int reach = taps.length / down; // taps per residue
        for (int r = 0; r < down; r++) {
            int length = count + reach - 1;
            if (split[r] == null || split[r].length < length) {
                split[r] = new int[Math.max(length, 512)];
            }
            int[] y = split[r];
            // input 3(first + u) + r - 95 sits at work[that - s + HISTORY]
            int from = (int) (down * first + r - (taps.length - 1) - s) + HISTORY;
            for (int u = 0; u < length; u++) {
                y[u] = work[from + down * u];
            }
        }
        int[] a = accumulator(0, count);
        int[] x0 = window(0, count);
        int[] x1 = window(1, count);
        int[] x2 = window(2, count);
        for (int q = 0; q < reach; q++) {
            // the three phases' runs for this q, copied to the windows' start: the inner loop reads all at index v
            System.arraycopy(split[0], q, x0, 0, count);
            System.arraycopy(split[1], q, x1, 0, count);
            System.arraycopy(split[2], q, x2, 0, count);
            int c0 = taps[3 * q];
            int c1 = taps[3 * q + 1];
            int c2 = taps[3 * q + 2];
            for (int v = 0; v < count; v++) {
                a[v] += c0 * x0[v] + c1 * x1[v] + c2 * x2[v];
            }
        }
        for (int v = 0; v < count; v++) {
            out[v] = round(a[v]);
        }
        return out;
    }

    /** Accumulator k, zeroed over its first n entries. */
    private int[] accumulator(int k, int n) {
        if (acc[k].length < n) {
            acc[k] = new int[n];
        }
        java.util.Arrays.fill(acc[k], 0, n, 0);
        return acc[k];
    }

    private int[] window(int k, int n) {
        if (windows[k].length < n) {
            windows[k] = new int[n];
        }
        return windows[k];
    }

    private static short round(int sum) {
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
