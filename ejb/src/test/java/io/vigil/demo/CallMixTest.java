package io.vigil.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CallMixTest {

    @Test
    void utterancesLandAtTheirTimesAndOverlapsClip() {
        CallMix mix = new CallMix(1000);
        mix.add(2, new short[] {1, 2});
        mix.add(3, new short[] {Short.MAX_VALUE, 5});
        assertArrayEquals(new short[] {0, 0, 1, Short.MAX_VALUE, 5}, mix.samples());
    }

    @Test
    void anEmptyCallIsSilent() {
        assertEquals(0, new CallMix(8000).samples().length);
    }
}
