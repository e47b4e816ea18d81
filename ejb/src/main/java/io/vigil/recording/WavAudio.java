package io.vigil.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Mono 16-bit PCM as a WAV file (RIFF, 44-byte canonical header). Recordings store the whole WAV file as their
 * plaintext, so that a byte range of the decrypted recording is the same byte range of a playable file: playback can
 * serve HTTP Range requests by seeking in the recording without rewriting anything.
 */
public record WavAudio(int sampleRate, byte[] pcm16le) {

    public static final int HEADER_BYTES = 44;

    public WavAudio {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive");
        }
        Objects.requireNonNull(pcm16le, "pcm16le");
        if (pcm16le.length % 2 != 0) {
            throw new IllegalArgumentException("16-bit PCM has an even number of bytes");
        }
    }

    public long durationMs() {
        return pcm16le.length / 2 * 1000L / sampleRate;
    }

    /** {@code audio/wav; codec=pcm16; rate=<n>; channels=1}, as stored in {@code recording.format}. */
    public String format() {
        return "wav/pcm16/" + sampleRate + "/mono";
    }

    /** The same file, streamed when it is written. */
    public StreamedWav streamed() {
        return new StreamedWav(sampleRate, PcmSource.of(pcm16le));
    }

    /** The complete file: header and samples. */
    public byte[] fileBytes() {
        ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + pcm16le.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(36 + pcm16le.length).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        wav.put(ascii("data")).putInt(pcm16le.length).put(pcm16le);
        return wav.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
