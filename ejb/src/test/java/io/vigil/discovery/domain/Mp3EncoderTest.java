package io.vigil.discovery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.crypto.testing.Mp3Frames;
import io.vigil.redaction.audio.WavFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class Mp3EncoderTest {

    private static byte[] tone(int rate, int seconds) {
        ByteBuffer pcm = ByteBuffer.allocate(rate * seconds * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rate * seconds; i++) {
            pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return WavFile.build(WavFile.Encoding.PCM_16, 1, rate, pcm.array());
    }

    @Test
    void aCallBecomesAnMp3OfTheSameLengthAtAFractionOfTheSize() {
        byte[] wav = tone(24000, 10);
        byte[] mp3 = Mp3Encoder.encode(wav);

        Mp3Frames.Summary frames = Mp3Frames.walk(mp3);
        assertEquals(24000, frames.sampleRate());
        // the encoder adds at most a few frames of delay and padding
        assertTrue(Math.abs(frames.durationMs() - 10_000) < 200, frames.toString());
        assertTrue(mp3.length < wav.length / 6, mp3.length + " bytes of MP3 for " + wav.length + " of WAV");
    }

    @Test
    void telephoneAudioInMuLawEncodesToo() {
        byte[] pcm = new byte[8000 * 3];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = io.vigil.session.audio.MuLawCodec.encode((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        byte[] mp3 = Mp3Encoder.encode(WavFile.build(WavFile.Encoding.MU_LAW, 1, 8000, pcm));

        Mp3Frames.Summary frames = Mp3Frames.walk(mp3);
        assertEquals(8000, frames.sampleRate());
        assertTrue(Math.abs(frames.durationMs() - 3_000) < 300, frames.toString());
        assertTrue(mp3.length < 3 * 24_000 / 8 + 1_000, "24 kbit/s for telephone audio: " + mp3.length + " bytes");
    }
}
