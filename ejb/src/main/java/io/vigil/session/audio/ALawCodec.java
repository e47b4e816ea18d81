package io.vigil.session.audio;

/**
 * ITU-T G.711 A-law (8 kHz, one byte per sample), the telephone codec outside North America and Japan.
 *
 * <p>Encoding works on the 13-bit magnitude ({@code sample >> 3}; a negative sample becomes {@code -s - 1}): the
 * segment (0..7) is the position of its highest set bit above bit 4, the mantissa the next four bits (for segments 0
 * and 1, bits 1..4), and the code word {@code sign | segment << 4 | mantissa} has its even bits inverted (XOR
 * {@code 0x55}); the sign bit is set for positive samples. So silence (0) is {@code 0xD5}, full-scale positive
 * {@code 0xAA} and full-scale negative {@code 0x2A}. Decoding uses a 256-entry table built from the inverse formula.
 */
public final class ALawCodec {

    private static final short[] DECODE = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            int a = i ^ 0x55;
            int magnitude = (a & 0x0F) << 4;
            int segment = (a & 0x70) >> 4;
            magnitude += segment == 0 ? 8 : 0x108;
            if (segment > 1) {
                magnitude <<= segment - 1;
            }
            DECODE[i] = (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
        }
    }

    private ALawCodec() {
    }

    public static byte encode(short sample) {
        int pcm = sample >> 3;
        int mask;
        if (pcm >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int segment = 0;
        while (segment < 8 && pcm > (0x20 << segment) - 1) {
            segment++;
        }
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int code = segment << 4 | ((segment < 2 ? pcm >> 1 : pcm >> segment) & 0x0F);
        return (byte) (code ^ mask);
    }

    public static short decode(byte a) {
        return DECODE[a & 0xFF];
    }

    public static byte[] encode(short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = encode(samples[i]);
        }
        return out;
    }

    public static short[] decode(byte[] a) {
        short[] out = new short[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = DECODE[a[i] & 0xFF];
        }
        return out;
    }
}
