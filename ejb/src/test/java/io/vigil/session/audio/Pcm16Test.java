package io.vigil.session.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Pcm16Test {

    @Test
    void littleEndianBytes() {
        short[] s = {1, -1, 0x1234, Short.MIN_VALUE};
        byte[] b = Pcm16.toBytes(s);
        assertArrayEquals(new byte[] {1, 0, (byte) 0xFF, (byte) 0xFF, 0x34, 0x12, 0, (byte) 0x80}, b);
        assertArrayEquals(s, Pcm16.fromBytes(b));
    }

    @Test
    void halfASampleIsRejectedWithAMessage() {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> Pcm16.fromBytes(new byte[3]));
        assertTrue(e.getMessage().contains("even number of bytes"));
    }

    @Test
    void durations() {
        assertEquals(1000, Pcm16.durationMs(48_000, Pcm16.REALTIME_RATE));
        assertEquals(4800, Pcm16.bytesFor(100, Pcm16.REALTIME_RATE));
        assertEquals(320, Pcm16.bytesFor(20, Pcm16.TELEPHONE_RATE));
    }

    @Test
    void base64RoundTripAndClearErrors() {
        byte[] audio = {0, 1, 2, (byte) 0xFF};
        assertEquals("AAEC/w==", Base64Audio.encode(audio));
        assertArrayEquals(audio, Base64Audio.decode("AAEC/w=="));
        AudioFormatException bad = assertThrows(AudioFormatException.class, () -> Base64Audio.decode("AA*C"));
        assertTrue(bad.getMessage().contains("not valid base64"));
        assertThrows(AudioFormatException.class, () -> Base64Audio.decode(null));
    }
}
