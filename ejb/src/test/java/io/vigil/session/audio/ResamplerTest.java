package io.vigil.session.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void upsamplingKeepsA440HzToneAndItsLevel() {
        short[] in = Tones.sine(440, 8000, 8000, 0.5);
        short[] out = Resampler.upsampler8kTo24k().process(in);
        assertEquals(24_000, out.length);
        // skip the filter's warm-up; analyse the steady state
        assertEquals(440, Tones.dominant(out, 2400, 24_000, 24_000, 300, 3000));
        double ratio = Tones.power(out, 2400, 24_000, 440, 24_000) / Tones.power(in, 800, 8000, 440, 8000);
        assertTrue(ratio > 0.9 && ratio < 1.1, "level ratio " + ratio);
        // zero stuffing without a filter would leave images at 8000 +/- 440 Hz
        assertTrue(Tones.power(out, 2400, 24_000, 7560, 24_000) < 1e-4, "image at 7560 Hz not removed");
    }

    @Test
    void downsamplingKeepsA440HzToneAndRemovesWhatWouldAlias() {
        short[] tone = Tones.sine(440, 24_000, 24_000, 0.5);
        short[] out = Resampler.downsampler24kTo8k().process(tone);
        assertEquals(8000, out.length);
        assertEquals(440, Tones.dominant(out, 800, 8000, 8000, 300, 3900));
        double ratio = Tones.power(out, 800, 8000, 440, 8000) / Tones.power(tone, 2400, 24_000, 440, 24_000);
        assertTrue(ratio > 0.9 && ratio < 1.1, "level ratio " + ratio);

        // 6 kHz would fold to 2 kHz without the anti-aliasing filter
        short[] high = Tones.sine(6000, 24_000, 24_000, 0.5);
        short[] folded = Resampler.downsampler24kTo8k().process(high);
        double leak = Tones.power(folded, 800, 8000, 2000, 8000) / Tones.power(high, 2400, 24_000, 6000, 24_000);
        assertTrue(leak < 1e-3, "aliased energy ratio " + leak);
    }

    @Test
    void framedStreamEqualsWholeStream() {
        short[] in = Tones.sine(1000, 8000, 1600, 0.3);
        short[] whole = Resampler.upsampler8kTo24k().process(in);
        Resampler framed = Resampler.upsampler8kTo24k();
        short[] joined = new short[0];
        for (int i = 0; i < in.length; i += 160) {
            short[] part = framed.process(Arrays.copyOfRange(in, i, Math.min(in.length, i + 160)));
            short[] next = Arrays.copyOf(joined, joined.length + part.length);
            System.arraycopy(part, 0, next, joined.length, part.length);
            joined = next;
        }
        assertArrayEquals(whole, joined);

        Resampler down = Resampler.downsampler24kTo8k();
        int total = 0;
        for (int frame : new int[] {1, 2, 479, 480, 7, 11}) {
            total += down.process(new short[frame]).length;
        }
        assertEquals((1 + 2 + 479 + 480 + 7 + 11 + 2) / 3, total);
    }

    @Test
    void telephoneRoundTripThroughMuLawKeepsTheTone() {
        short[] agent = Tones.sine(440, 24_000, 12_000, 0.4);
        byte[] mu = MuLawCodec.encode(Resampler.downsampler24kTo8k().process(agent));
        short[] back = Resampler.upsampler8kTo24k().process(MuLawCodec.decode(mu));
        assertEquals(12_000, back.length);
        assertEquals(440, Tones.dominant(back, 2400, 12_000, 24_000, 300, 3000));
    }

    @Test
    void bothDirectionsAreTheFilterInDirectFormWithinItsFixedPointError() {
        short[] x = new short[4_000];
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < x.length; i++) {
            x[i] = (short) random.nextInt(-32_768, 32_768);
        }
        assertClose(directForm(x, 3, 1), framed(Resampler.upsampler8kTo24k(), x, 160));
        assertClose(directForm(x, 1, 3), framed(Resampler.downsampler24kTo8k(), x, 480));
    }

    /**
     * The frame-at-a-time sums are the fixed-point filter taken one output at a time, to the bit, whatever the
     * framing (odd lengths, single samples, frames that do not split into whole output periods).
     */
    @Test
    void bothDirectionsEqualTheFixedPointFilterOneOutputAtATime() {
        java.util.Random random = new java.util.Random(5);
        short[] x = new short[9_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (short) random.nextInt(-32_768, 32_768);
        }
        for (int[] ratio : new int[][] {{3, 1}, {1, 3}}) {
            short[] expected = fixedPointOneAtATime(x, ratio[0], ratio[1]);
            Resampler r = ratio[0] == 3 ? Resampler.upsampler8kTo24k() : Resampler.downsampler24kTo8k();
            short[] actual = new short[expected.length];
            int produced = 0;
            for (int i = 0; i < x.length; ) {
                int frame = Math.min(x.length - i, new int[] {1, 2, 160, 479, 480, 7, 1000, 3}[random.nextInt(8)]);
                short[] part = r.process(Arrays.copyOfRange(x, i, i + frame));
                System.arraycopy(part, 0, actual, produced, part.length);
                produced += part.length;
                i += frame;
            }
            assertEquals(expected.length, produced);
            assertArrayEquals(expected, actual, ratio[0] + ":" + ratio[1]);
        }
    }

    /** Output m: t = m * down, newest input k = t / up, phase t - k * up; the phase's Q14 taps against x[k - L + 1 .. k]. */
    private static short[] fixedPointOneAtATime(short[] x, int up, int down) {
        int[][] phases = Resampler.phases(up);
        int outputs = (int) ((x.length * (long) up - 1) / down) + 1;
        short[] y = new short[outputs];
        for (int m = 0; m < outputs; m++) {
            long t = (long) m * down;
            int k = (int) (t / up);
            int[] taps = phases[(int) (t - (long) k * up)];
            int sum = 0;
            for (int i = 0; i < taps.length; i++) {
                int at = k - taps.length + 1 + i;
                sum += at < 0 ? 0 : taps[i] * x[at];
            }
            int v = (sum + (1 << (Resampler.Q - 1))) >> Resampler.Q;
            y[m] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return y;
    }

    /**
     * Q14 taps differ from the double-precision filter by half a step of 2^-14 each; on full-scale noise that stays
     * under 32 of 65,536 steps (-66 dBFS), far below the 8-bit mu-law quantisation the audio goes through anyway.
     */
    private static void assertClose(short[] expected, short[] actual) {
        assertEquals(expected.length, actual.length);
        int worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= 32, "largest difference " + worst + " (of 65,536 steps)");
    }

    /** y[m] = up * sum over j of h[j] * x_stuffed[m * down - j], summed with j ascending, as the resampler states. */
    private static short[] directForm(short[] x, int up, int down) {
        int outputs = (int) ((x.length * (long) up - 1) / down) + 1;
        short[] y = new short[outputs];
        for (int m = 0; m < outputs; m++) {
            long t = (long) m * down;
            double sum = 0;
            for (int j = 0; j < Resampler.TAPS && j <= t; j++) {
                if ((t - j) % up == 0) {
                    sum += Resampler.tap(j) * x[(int) ((t - j) / up)];
                }
            }
            long v = Math.round(sum * up);
            y[m] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return y;
    }

    private static short[] framed(Resampler r, short[] x, int frame) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < x.length; i += frame) {
            short[] part = r.process(java.util.Arrays.copyOfRange(x, i, Math.min(x.length, i + frame)));
            for (short s : part) {
                out.write(s);
                out.write(s >> 8);
            }
        }
        byte[] b = out.toByteArray();
        short[] y = new short[b.length / 2];
        for (int i = 0; i < y.length; i++) {
            y[i] = (short) ((b[2 * i] & 0xFF) | (b[2 * i + 1] << 8));
        }
        return y;
    }
}
