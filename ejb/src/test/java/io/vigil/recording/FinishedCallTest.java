package io.vigil.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.tenancy.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The mixed call, streamed a chunk at a time from the two tracks. */
class FinishedCallTest {

    private static byte[] samples(int count, java.util.function.IntUnaryOperator sample) {
        ByteBuffer pcm = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            pcm.putShort((short) sample.applyAsInt(i));
        }
        return pcm.array();
    }

    private static FinishedCall call(byte[] caller, byte[] agent) {
        return new FinishedCall(new TenantId(UUID.randomUUID()), UUID.randomUUID(), 24_000, PcmSource.of(caller),
                PcmSource.of(agent));
    }

    @Test
    void theMixedCallSumsBothTracksClippedTo16BitsAcrossChunks() throws Exception {
        int n = StreamedWav.CHUNK_BYTES; // two chunks of samples
        byte[] caller = samples(n, i -> i % 2 == 0 ? 30_000 : -1_000);
        byte[] agent = samples(n, i -> i % 2 == 0 ? 10_000 : -40_000 / 2);
        byte[] expected = samples(n, i -> i % 2 == 0 ? Short.MAX_VALUE : -21_000);

        byte[] mixed;
        try (InputStream in = call(caller, agent).mixed().open()) {
            mixed = in.readAllBytes();
        }
        assertArrayEquals(expected, mixed);
        assertEquals(caller.length, call(caller, agent).mixed().bytes());
    }

    @Test
    void byteByByteReadsGiveTheSameBytes() throws Exception {
        byte[] caller = samples(101, i -> i * 7);
        byte[] agent = samples(101, i -> -i * 3);
        FinishedCall call = call(caller, agent);
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (InputStream in = call.mixed().open()) {
            single.write(in.read());                   // half a sample, then bulk reads
            byte[] rest = new byte[7];
            for (int got = in.read(rest); got > 0; got = in.read(rest)) {
                single.write(rest, 0, got);
            }
        }
        try (InputStream in = call.mixed().open()) {
            assertArrayEquals(in.readAllBytes(), single.toByteArray());
        }
        assertEquals(202, single.size());
    }

    @Test
    void tracksOfDifferentLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> call(new byte[4], new byte[6]));
    }
}
