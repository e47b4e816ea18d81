package io.vigil.redaction.audio;

/** ITU-T G.711 mu-law companding (bias 0x84, clip 32635), the telephone codec of most call recordings. */
public final class MuLaw {

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;

    private MuLaw() {
    }

    public static byte encode(int pcm) {
        int sign = (pcm >> 8) & 0x80;
        if (sign != 0) {
            pcm = -pcm;
        }
        if (pcm > CLIP) {
            pcm = CLIP;
        }
        pcm += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    public static int decode(byte mu) {
        int u = ~mu & 0xFF;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
        return sign != 0 ? -magnitude : magnitude;
    }
}
