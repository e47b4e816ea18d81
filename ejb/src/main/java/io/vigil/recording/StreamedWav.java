package io.vigil.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A mono 16-bit PCM WAV file (44-byte canonical header, as {@link WavAudio}) whose audio is streamed from a
 * {@link PcmSource} when it is written: the form in which a finished call's recordings are built and stored.
 */
public record StreamedWav(int sampleRate, PcmSource pcm) {

    /** Bytes moved per read: a few frames of audio, so writing a recording costs this much heap, whatever its length. */
    static final int CHUNK_BYTES = 64 * 1024;

    public StreamedWav {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive");
        }
        Objects.requireNonNull(pcm, "pcm");
        if (pcm.bytes() % 2 != 0) {
            throw new IllegalArgumentException("16-bit PCM has an even number of bytes");
        }
    }

    public long durationMs() {
        return pcm.bytes() / 2 * 1000L / sampleRate;
    }

    public String format() {
        return "wav/pcm16/" + sampleRate + "/mono";
    }

    /** The length of the whole file. */
    public long fileBytes() {
        return WavAudio.HEADER_BYTES + pcm.bytes();
    }

    /** Writes the header and the audio to {@code out} (not closed). */
    public void writeTo(OutputStream out) throws IOException {
        long length = pcm.bytes();
        if (length > 0xFFFFFFFFL - 36) {
            throw new IOException("A WAV file holds at most 4 GiB of audio; this track has " + length + " bytes");
        }
        ByteBuffer header = ByteBuffer.allocate(WavAudio.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt((int) (36 + length)).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        header.put(ascii("data")).putInt((int) length);
        out.write(header.array());
        forEachChunk((chunk, n) -> out.write(chunk, 0, n));
    }

    /** Something done with each chunk of the audio, in order. */
    @FunctionalInterface
    public interface ChunkConsumer {
        void accept(byte[] chunk, int length) throws IOException;
    }

    /** Reads the audio through in chunks of {@link #CHUNK_BYTES}; checks that it has its declared length. */
    public void forEachChunk(ChunkConsumer consumer) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        long total = 0;
        try (InputStream in = pcm.open()) {
            for (int n = in.readNBytes(chunk, 0, chunk.length); n > 0; n = in.readNBytes(chunk, 0, chunk.length)) {
                total += n;
                consumer.accept(chunk, n);
            }
        }
        if (total != pcm.bytes()) {
            throw new IOException("The audio had " + total + " bytes where " + pcm.bytes() + " were expected");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
