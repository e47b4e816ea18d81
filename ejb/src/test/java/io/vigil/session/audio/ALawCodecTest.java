package io.vigil.session.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ALawCodecTest {

    @Test
    void knownCodeWordsFromG711() {
        assertEquals((byte) 0xD5, ALawCodec.encode((short) 0));
        assertEquals((byte) 0xAA, ALawCodec.encode(Short.MAX_VALUE));
        assertEquals((byte) 0x2A, ALawCodec.encode(Short.MIN_VALUE));
        assertEquals((byte) 0x55, ALawCodec.encode((short) -8));
        assertEquals(8, ALawCodec.decode((byte) 0xD5));
        assertEquals(-8, ALawCodec.decode((byte) 0x55));
        assertEquals(32256, ALawCodec.decode((byte) 0xAA));
        assertEquals(-32256, ALawCodec.decode((byte) 0x2A));
    }

    @Test
    void everyCodeWordSurvivesDecodeThenEncode() {
        for (int b = 0; b < 256; b++) {
            assertEquals((byte) b, ALawCodec.encode(ALawCodec.decode((byte) b)), "code word " + b);
        }
    }

    @Test
    void pcmRoundTripErrorStaysWithinTheSegmentStep() {
        for (int pcm = -32768; pcm <= 32767; pcm += 7) {
            int back = ALawCodec.decode(ALawCodec.encode((short) pcm));
            // segments 0 and 1 have a step of 16, each later one doubles it; the error is at most half a step
            int step = Math.max(16, Integer.highestOneBit(Math.max(1, Math.abs(pcm))) >> 4);
            assertTrue(Math.abs(back - pcm) <= step / 2 + 1, pcm + " -> " + back);
        }
    }
}
