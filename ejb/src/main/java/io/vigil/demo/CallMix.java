package io.vigil.demo;

import java.util.Arrays;

/** Mixes utterances into one mono track at their start times; overlapping speech is summed and clipped, as on a line. */
final class CallMix {

    private final int rate;
    private short[] samples = new short[0];
    private int length;

    CallMix(int rate) {
        this.rate = rate;
    }

    void add(long startMs, short[] speech) {
        int start = (int) (startMs * rate / 1000);
        int end = start + speech.length;
        if (end > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(end, samples.length * 2));
        }
        for (int i = 0; i < speech.length; i++) {
            int sum = samples[start + i] + speech[i];
            samples[start + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
        }
        length = Math.max(length, end);
    }

    short[] samples() {
        return Arrays.copyOf(samples, length);
    }
}
