package io.vigil.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WavAudioTest {

    @Test
    void theFileIsACanonicalPcmWav() {
        byte[] pcm = new byte[16_000];
        pcm[0] = 1;
        WavAudio audio = new WavAudio(8000, pcm);
        byte[] file = audio.fileBytes();
        ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);

        assertEquals(44 + pcm.length, file.length);
        assertEquals("RIFF", ascii(file, 0));
        assertEquals(36 + pcm.length, header.getInt(4));
        assertEquals("WAVE", ascii(file, 8));
        assertEquals("fmt ", ascii(file, 12));
        assertEquals(1, header.getShort(20), "PCM");
        assertEquals(1, header.getShort(22), "mono");
        assertEquals(8000, header.getInt(24));
        assertEquals(16_000, header.getInt(28), "byte rate");
        assertEquals(16, header.getShort(34), "bits per sample");
        assertEquals("data", ascii(file, 36));
        assertEquals(pcm.length, header.getInt(40));
        assertEquals(1, file[44]);
        assertEquals(1000, audio.durationMs());
        assertEquals("wav/pcm16/8000/mono", audio.format());
    }

    @Test
    void theStreamedFileIsTheSameFile() throws Exception {
        byte[] pcm = new byte[3 * StreamedWav.CHUNK_BYTES + 10];
        new java.util.Random(1).nextBytes(pcm);
        WavAudio audio = new WavAudio(24_000, pcm);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        audio.streamed().writeTo(out);

        org.junit.jupiter.api.Assertions.assertArrayEquals(audio.fileBytes(), out.toByteArray());
        assertEquals(audio.fileBytes().length, audio.streamed().fileBytes());
        assertEquals(audio.durationMs(), audio.streamed().durationMs());
    }

    @Test
    void oddSampleBytesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WavAudio(8000, new byte[3]));
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }
}
