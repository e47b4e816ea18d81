package io.vigil.session.audio;

/** Test signals and a Goertzel power estimate to check what frequency a signal really carries. */
final class Tones {

    private Tones() {
    }

    static short[] sine(double hz, int rate, int samples, double amplitude) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return out;
    }

    /** Power of {@code hz} in samples[from, to), normalised so a full-scale sine gives about 0.25. */
    static double power(short[] s, int from, int to, double hz, int rate) {
        double w = 2 * Math.PI * hz / rate;
        double coeff = 2 * Math.cos(w);
        double q1 = 0;
        double q2 = 0;
        for (int i = from; i < to; i++) {
            double q0 = coeff * q1 - q2 + s[i] / 32768.0;
            q2 = q1;
            q1 = q0;
        }
        double p = q1 * q1 + q2 * q2 - q1 * q2 * coeff;
        double n = to - from;
        return p / (n * n);
    }

    /** The frequency in [lo, hi] (1 Hz steps) with the most power. */
    static int dominant(short[] s, int from, int to, int rate, int lo, int hi) {
        int best = lo;
        double bestPower = -1;
        for (int f = lo; f <= hi; f++) {
            double p = power(s, from, to, f, rate);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        return best;
    }
}
