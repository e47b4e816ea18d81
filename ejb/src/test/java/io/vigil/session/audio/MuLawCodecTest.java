package io.vigil.session.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MuLawCodecTest {

    @Test
    void knownCodeWordsFromG711() {
        assertEquals((byte) 0xFF, MuLawCodec.encode((short) 0));
        assertEquals((byte) 0x80, MuLawCodec.encode(Short.MAX_VALUE));
        assertEquals((byte) 0x00, MuLawCodec.encode(Short.MIN_VALUE));
        assertEquals((byte) 0xFE, MuLawCodec.encode((short) 8));
        assertEquals((byte) 0x7E, MuLawCodec.encode((short) -8));
        assertEquals((byte) 0xF2, MuLawCodec.encode((short) 100));
        assertEquals(0, MuLawCodec.decode((byte) 0xFF));
        assertEquals(0, MuLawCodec.decode((byte) 0x7F));
        assertEquals(32124, MuLawCodec.decode((byte) 0x80));
        assertEquals(-32124, MuLawCodec.decode((byte) 0x00));
        assertEquals(8, MuLawCodec.decode((byte) 0xFE));
        assertEquals(-8, MuLawCodec.decode((byte) 0x7E));
        assertEquals(104, MuLawCodec.decode((byte) 0xF2));
    }

    @Test
    void everyCodeWordSurvivesDecodeThenEncode() {
        for (int b = 0; b < 256; b++) {
            if (b == 0x7F) {
                continue; // negative zero decodes to 0, which encodes as positive zero 0xFF
            }
            assertEquals((byte) b, MuLawCodec.encode(MuLawCodec.decode((byte) b)), "code word " + b);
        }
    }

    @Test
    void pcmRoundTripErrorStaysWithinTheSegmentStep() {
        for (int pcm = -32768; pcm <= 32767; pcm += 7) {
            int back = MuLawCodec.decode(MuLawCodec.encode((short) pcm));
            int magnitude = Math.min(Math.abs(pcm), 32635);
            // each segment doubles the step; the quantisation error is at most half a step (plus the clip)
            int allowed = Math.max(8, (magnitude + 0x84) >> 4) + Math.max(0, Math.abs(pcm) - 32635);
            assertTrue(Math.abs(back - pcm) <= allowed, pcm + " -> " + back);
        }
    }

    @Test
    void arrayFormsMatchTheScalarOnes() {
        short[] every = everySample();
        byte[] all = MuLawCodec.encode(every);
        for (int i = 0; i < every.length; i++) {
            assertEquals(MuLawCodec.encode(every[i]), all[i], "sample " + every[i]);
        }
        short[] pcm = {0, 1000, -1000, 32767, -32768, 12};
        short[] back = MuLawCodec.decode(MuLawCodec.encode(pcm));
        assertArrayEquals(new short[] {0, 988, -988, 32124, -32124, 16}, back);
    }

    @Test
    void pcm16ByteFormsMatchTheSampleForms() {
        short[] every = everySample();
        byte[] le = Pcm16.toBytes(every);
        assertArrayEquals(MuLawCodec.encode(every), MuLawCodec.encodePcm16(le));
        byte[] codes = new byte[256];
        for (int b = 0; b < 256; b++) {
            codes[b] = (byte) b;
        }
        assertArrayEquals(Pcm16.toBytes(MuLawCodec.decode(codes)), MuLawCodec.decodeToPcm16(codes));
        assertEquals(1, MuLawCodec.encodePcm16(new byte[3]).length, "a trailing odd byte is not half a sample");
    }

    private static short[] everySample() {
        short[] every = new short[65_536];
        for (int i = 0; i < every.length; i++) {
            every[i] = (short) (i + Short.MIN_VALUE);
        }
        return every;
    }
}
