package io.vigil.session.audio;

/**
 * ITU-T G.711 mu-law, the codec of Twilio Media Streams (8 kHz, one byte per sample).
 *
 * <p>Encoding: take the sign, clip the magnitude to 32635, add the bias 0x84, find the segment (exponent 0..7) of the
 * highest set bit above bit 7, keep the next four bits as the mantissa, and invert all bits of
 * {@code sign | exponent << 4 | mantissa}. So silence (0) is {@code 0xFF}, full-scale positive is {@code 0x80} and
 * full-scale negative is {@code 0x00}. Decoding uses a 256-entry table built from the inverse formula; encoding a
 * frame uses a 65,536-entry table built from {@link #encode(short)} (64 KiB, read once per sample instead of a loop
 * over the segments: agent audio is encoded for every call, 8,000 samples a second).
 */
public final class MuLawCodec {

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final short[] DECODE = new short[256];
    private static final byte[] ENCODE = new byte[65_536];

    static {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            ENCODE[s & 0xFFFF] = encode((short) s);
        }
        for (int i = 0; i < 256; i++) {
            int u = ~i & 0xFF;
            int magnitude = ((((u & 0x0F) << 3) + BIAS) << ((u >> 4) & 0x07)) - BIAS;
            DECODE[i] = (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
        }
    }

    private MuLawCodec() {
    }

    public static byte encode(short sample) {
        int pcm = sample;
        int sign = 0;
        if (pcm < 0) {
            sign = 0x80;
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

    public static short decode(byte mu) {
        return DECODE[mu & 0xFF];
    }

    public static byte[] encode(short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = ENCODE[samples[i] & 0xFFFF];
        }
        return out;
    }

    public static short[] decode(byte[] mu) {
        short[] out = new short[mu.length];
        for (int i = 0; i < mu.length; i++) {
            out[i] = DECODE[mu[i] & 0xFF];
        }
        return out;
    }

    /** Mu-law bytes to PCM16 little-endian bytes (the pipeline's form), without a sample array in between. */
    public static byte[] decodeToPcm16(byte[] mu) {
        byte[] out = new byte[mu.length * 2];
        for (int i = 0; i < mu.length; i++) {
            short s = DECODE[mu[i] & 0xFF];
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }

    /** PCM16 little-endian bytes to mu-law bytes; a trailing odd byte is ignored. */
    public static byte[] encodePcm16(byte[] pcm) {
        byte[] out = new byte[pcm.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = ENCODE[(pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] & 0xFF) << 8];
        }
        return out;
    }
}
