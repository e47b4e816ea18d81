package io.vigil.discovery.domain;

import de.sciss.jump3r.lowlevel.LameEncoder;
import io.vigil.redaction.audio.WavFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Encodes a WAV recording (16-bit PCM or mu-law, as stored) as MP3 with jump3r, a pure-Java port of LAME: the
 * recording's own sample rate and channels, constant bit rate by sample rate ({@link #kbps}: 24 kbit/s for 8 kHz
 * telephone audio up to 64 above 24 kHz), where speech stays clear at a fifth to an eighth of the WAV. Streaming: the samples go through the encoder {@link #BLOCK_FRAMES} frames at a
 * time, so the encoder's memory does not grow with the call; only the input and the output are whole (C2PA signing
 * needs the whole file anyway).
 */
public final class Mp3Encoder {

    static final int BLOCK_FRAMES = 4608;

    private Mp3Encoder() {
    }

    public static byte[] encode(byte[] wav) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(wav.length / 8 + 4096);
        try {
            encode(wav, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A bit rate every MPEG version that carries {@code sampleRate} allows, enough for clear speech. */
    static int kbps(int sampleRate) {
        return sampleRate <= 12000 ? 24 : sampleRate <= 16000 ? 32 : sampleRate <= 24000 ? 48 : 64;
    }

    public static void encode(byte[] wav, OutputStream out) throws IOException {
        WavFile in = WavFile.parse(wav);
        int channels = in.channels();
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("MP3 holds one or two channels, the recording has " + channels);
        }
        LameEncoder encoder = new LameEncoder(new javax.sound.sampled.AudioFormat(in.sampleRate(), 16, channels, true, false),
                kbps(in.sampleRate()), channels == 1 ? LameEncoder.CHANNEL_MODE_MONO : LameEncoder.CHANNEL_MODE_JOINT_STEREO,
                LameEncoder.QUALITY_MIDDLE, false);
        try {
            byte[] pcm = new byte[BLOCK_FRAMES * channels * 2];
            byte[] mp3 = new byte[Math.max(encoder.getMP3BufferSize(), BLOCK_FRAMES * 2 + 7200)];
            int frames = in.frameCount();
            for (int first = 0; first < frames; first += BLOCK_FRAMES) {
                int count = Math.min(BLOCK_FRAMES, frames - first);
                int at = 0;
                for (int f = first; f < first + count; f++) {
                    for (int ch = 0; ch < channels; ch++) {
                        int sample = in.sample(f, ch);
                        pcm[at++] = (byte) sample;
                        pcm[at++] = (byte) (sample >> 8);
                    }
                }
                out.write(mp3, 0, encoder.encodeBuffer(pcm, 0, at, mp3));
            }
            out.write(mp3, 0, encoder.encodeFinish(mp3));
        } finally {
            encoder.close();
        }
    }
}
