package io.vigil.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WaveformTest {

    /** One second at 8 kHz: silence, then half scale, then full scale (negative), then silence. */
    private static WavAudio quarters() {
        ByteBuffer pcm = ByteBuffer.allocate(16_000).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8_000; i++) {
            short s = switch (i / 2_000) {
                case 1 -> (short) 16_384;
                case 2 -> Short.MIN_VALUE;
                default -> 0;
            };
            pcm.putShort(s);
        }
        return new WavAudio(8_000, pcm.array());
    }

    @Test
    void eachBucketHoldsThePeakOfItsStretch() throws IOException {
        Waveform w = Waveform.read(new ByteArrayInputStream(quarters().fileBytes()), 4);
        assertEquals(1_000, w.durationMs());
        assertEquals(8_000, w.sampleRate());
        assertArrayEquals(new int[] {0, 50, 100, 0}, w.peaks());
        assertEquals("{\"durationMs\":1000,\"sampleRate\":8000,\"peaks\":[0,50,100,0]}", w.toJson());
    }

    @Test
    void moreBucketsThanSamplesGivesOnePerSample() throws IOException {
        WavAudio tiny = new WavAudio(8_000, new byte[] {0, 0x40, 0, 0});
        assertArrayEquals(new int[] {50, 0}, Waveform.read(new ByteArrayInputStream(tiny.fileBytes()), 100).peaks());
    }

    @Test
    void otherChunksAreSkippedAndATruncatedFileEndsItsOutline() throws IOException {
        byte[] file = quarters().fileBytes();
        // a LIST chunk between fmt and data, as some encoders write
        ByteBuffer withList = ByteBuffer.allocate(file.length + 14).order(ByteOrder.LITTLE_ENDIAN);
        withList.put(file, 0, 36).put("LIST".getBytes()).putInt(5).put(new byte[] {1, 2, 3, 4, 5, 0})
                .put(file, 36, file.length - 36);
        assertArrayEquals(new int[] {0, 50, 100, 0}, Waveform.read(new ByteArrayInputStream(withList.array()), 4).peaks());
        byte[] cut = Arrays.copyOf(file, 44 + 8_000);
        assertArrayEquals(new int[] {0, 50, 0, 0}, Waveform.read(new ByteArrayInputStream(cut), 4).peaks());
    }

    @Test
    void onlyMono16BitWaveFiles() {
        assertThrows(IOException.class, () -> Waveform.read(new ByteArrayInputStream("RIFX....".getBytes()), 4));
        byte[] stereo = quarters().fileBytes();
        stereo[22] = 2;
        assertThrows(IOException.class, () -> Waveform.read(new ByteArrayInputStream(stereo), 4));
    }
}
