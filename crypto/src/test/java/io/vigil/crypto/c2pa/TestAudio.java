package io.vigil.crypto.c2pa;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Small, valid audio files made in memory: a PCM WAV tone and a silent MPEG-1 Layer III stream. */
final class TestAudio {

    private TestAudio() {
    }

    /** A mono 16-bit 8 kHz WAV of {@code samples} samples of a 440 Hz tone, with a LIST chunk before the data. */
    static byte[] wav(int samples) {
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        chunk(chunks, "fmt ", fmt.array());
        // An odd-sized chunk exercises RIFF word alignment (pad byte) before our C2PA chunk.
        chunk(chunks, "LIST", "INFOISFT\u0005\u0000\u0000\u0000vigil".getBytes(StandardCharsets.ISO_8859_1));
        chunk(chunks, "data", pcm.array());
        byte[] body = chunks.toByteArray();
        return ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put(body).array();
    }

    /**
     * {@code frames} silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono, 417 bytes each, all-zero side
     * information), optionally behind an ID3v2.3 tag with one title frame.
     */
    static byte[] mp3(int frames, boolean withId3Tag) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (withId3Tag) {
            byte[] title = "\u0000Vigil test".getBytes(StandardCharsets.ISO_8859_1);
            int size = 10 + title.length;
            out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, (byte) size});
            out.writeBytes(new byte[] {'T', 'I', 'T', '2', 0, 0, 0, (byte) title.length, 0, 0});
            out.writeBytes(title);
        }
        byte[] frame = new byte[417];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        frame[2] = (byte) 0x90;
        frame[3] = (byte) 0xC0;
        for (int i = 0; i < frames; i++) {
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] body) {
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array());
        out.writeBytes(body);
        if (body.length % 2 != 0) {
            out.write(0);
        }
    }
}
