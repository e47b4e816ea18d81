package io.vigil.redaction.audio;

import io.vigil.session.audio.MuLawCodec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A parsed RIFF/WAVE file: the format fields and where the sample data lies in the original bytes.
 *
 * <p>Layout: "RIFF" size(u32 LE) "WAVE", then chunks of id(4) size(u32 LE) body (padded to even length). The "fmt "
 * chunk holds audioFormat(u16), channels(u16), sampleRate(u32), byteRate(u32), blockAlign(u16), bitsPerSample(u16);
 * "data" holds interleaved frames. Supported: format 1 (linear PCM, 16-bit little-endian) and format 7 (G.711 mu-law,
 * 8-bit). Other chunks are kept untouched when a redacted copy is written.
 */
public final class WavFile {

    public enum Encoding { PCM_16, MU_LAW }

    private final byte[] bytes;
    private final Encoding encoding;
    private final int channels;
    private final int sampleRate;
    private final int dataOffset;
    private final int dataLength;

    private WavFile(byte[] bytes, Encoding encoding, int channels, int sampleRate, int dataOffset, int dataLength) {
        this.bytes = bytes;
        this.encoding = encoding;
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.dataOffset = dataOffset;
        this.dataLength = dataLength;
    }

    /** Parses without copying; the returned object reads from {@code wav}. */
    public static WavFile parse(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IllegalArgumentException("Not a RIFF/WAVE file; convert the recording to WAV (PCM16 or mu-law)");
        }
        int pos = 12;
        Encoding encoding = null;
        int channels = 0;
        int rate = 0;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                int format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                int bits = b.getShort(body + 14) & 0xFFFF;
                if (format == 1 && bits == 16) {
                    encoding = Encoding.PCM_16;
                } else if (format == 7 && bits == 8) {
                    encoding = Encoding.MU_LAW;
                } else {
                    throw new IllegalArgumentException("Unsupported WAV format " + format + " with " + bits
                            + " bits; only 16-bit PCM (1) and 8-bit mu-law (7) can be redacted");
                }
            } else if (id == 0x61746164) { // "data"
                if (encoding == null) {
                    throw new IllegalArgumentException("WAV data chunk comes before its fmt chunk");
                }
                int length = (int) Math.min(size, wav.length - body);
                return new WavFile(wav, encoding, channels, rate, body, length);
            }
            pos = body + (int) size + (int) (size & 1);
        }
        throw new IllegalArgumentException("WAV file has no data chunk");
    }

    /** Builds a minimal WAV file around raw interleaved sample bytes. */
    public static byte[] build(Encoding encoding, int channels, int sampleRate, byte[] data) {
        int bytesPerSample = encoding == Encoding.PCM_16 ? 2 : 1;
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + data.length).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) (encoding == Encoding.PCM_16 ? 1 : 7))
                .putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * bytesPerSample)
                .putShort((short) (channels * bytesPerSample)).putShort((short) (bytesPerSample * 8));
        b.putInt(0x61746164).putInt(data.length).put(data);
        return b.array();
    }

    public Encoding encoding() {
        return encoding;
    }

    public int channels() {
        return channels;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int dataOffset() {
        return dataOffset;
    }

    public int bytesPerSample() {
        return encoding == Encoding.PCM_16 ? 2 : 1;
    }

    /** Number of frames (one sample per channel). */
    public int frameCount() {
        return dataLength / (bytesPerSample() * channels);
    }

    /** Decoded linear 16-bit value of one sample. */
    public int sample(int frame, int channel) {
        int at = dataOffset + (frame * channels + channel) * bytesPerSample();
        if (encoding == Encoding.PCM_16) {
            return (short) ((bytes[at] & 0xFF) | (bytes[at + 1] << 8));
        }
        return MuLawCodec.decode(bytes[at]);
    }
}
