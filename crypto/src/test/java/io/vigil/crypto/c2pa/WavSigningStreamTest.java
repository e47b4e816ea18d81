package io.vigil.crypto.c2pa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A WAV file signed while it streams: c2pa-rs verifies it, our reader verifies its hard binding, and it is laid
 * out exactly as the in-memory signer lays out the same audio.
 */
class WavSigningStreamTest extends SignedWithTestPki {

    @Test
    void aStreamedWavVerifiesWithC2paRsAndOurReader() throws Exception {
        byte[] pcm = noise(24_000 * 2 * 3, 7);   // three seconds at 24 kHz
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        WavSigningStream stream = writer.signingWav(file, 24_000, pcm.length, "Agent track",
                DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
        for (int at = 0; at < pcm.length; at += 4_800) {   // in frames, as a track is read back
            stream.writePcm(pcm, at, Math.min(4_800, pcm.length - at));
        }
        byte[] store = stream.finish();
        byte[] signed = file.toByteArray();

        assertEquals(stream.fileBytes(), signed.length);
        C2paRsVerifier.Report report = C2paRsVerifier.verify(Files.write(directory.resolve("streamed.wav"), signed), anchors);
        report.assertCleanAndTrusted();
        C2paSigningTest.assertWritten(report, "Agent track", DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
        C2paManifest fromFile = C2paReader.trusting(List.of(pki.root())).read(signed);
        C2paManifest fromStore = C2paReader.trusting(List.of(pki.root())).readStore(store);
        C2paSigningTest.assertOurReaderAgrees(fromStore, "Agent track", DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
        assertEquals(fromFile.label(), fromStore.label());
        assertArrayEquals(pcm, Arrays.copyOfRange(signed, 44, 44 + pcm.length), "the audio follows the header as it is");
    }

    @Test
    void itIsLaidOutAsTheInMemorySignerLaysOutTheSameAudio() throws Exception {
        byte[] pcm = noise(16_000, 3);
        byte[] plain = wav(8_000, pcm);
        byte[] inMemory = writer.sign(plain, "Call", DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        WavSigningStream stream = writer.signingWav(file, 8_000, pcm.length, "Call",
                DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
        stream.writePcm(pcm, 0, pcm.length);
        stream.finish();
        byte[] streamed = file.toByteArray();

        assertEquals(inMemory.length, streamed.length);
        assertArrayEquals(Arrays.copyOf(inMemory, plain.length), Arrays.copyOf(streamed, plain.length),
                "same header (RIFF size included) and audio; only the store's identifiers, time and signature differ");
    }

    @Test
    void aStreamedCallRecordingCarriesTheCallDetailsAndVerifies() throws Exception {
        byte[] pcm = noise(48_000, 9);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        WavSigningStream stream = writer.signingWav(file, 24_000, pcm.length, "Call",
                DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA, java.util.Optional.of(new CallDetails(
                        "call-1", "tenant-1", java.util.Optional.of("caller-hash"), java.time.Instant.now())));
        stream.writePcm(pcm, 0, pcm.length);
        stream.finish();
        byte[] signed = file.toByteArray();

        C2paRsVerifier.Report report = C2paRsVerifier.verify(Files.write(directory.resolve("call.wav"), signed), anchors);
        report.assertCleanAndTrusted();
        assertEquals(true, report.activeManifest().toString().contains(CallDetails.LABEL), report::toString);
        C2paReader.trusting(List.of(pki.root())).read(signed);
    }

    @Test
    void tamperingWithTheStreamedAudioIsDetected() throws Exception {
        byte[] pcm = noise(8_000, 5);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        WavSigningStream stream = writer.signingWav(file, 8_000, pcm.length, "t", DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
        stream.writePcm(pcm, 0, pcm.length);
        stream.finish();
        byte[] signed = file.toByteArray();
        signed[1_000] ^= 1;

        C2paVerificationException e = assertThrows(C2paVerificationException.class,
                () -> C2paReader.create().read(signed));
        assertEquals(C2paVerificationException.Failure.HASH_MISMATCH, e.failure());
    }

    @Test
    void theDeclaredLengthIsHeldTo() throws Exception {
        WavSigningStream stream = writer.signingWav(new ByteArrayOutputStream(), 8_000, 100, "t",
                DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
        assertThrows(IllegalStateException.class, () -> stream.writePcm(new byte[102], 0, 102));
        stream.writePcm(new byte[50], 0, 50);
        assertThrows(IllegalStateException.class, stream::finish);
        assertThrows(IllegalArgumentException.class, () -> writer.signingWav(new ByteArrayOutputStream(), 8_000, 101,
                "t", DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA));
    }

    private static byte[] noise(int bytes, long seed) {
        byte[] pcm = new byte[bytes];
        new Random(seed).nextBytes(pcm);
        return pcm;
    }

    private static byte[] wav(int sampleRate, byte[] pcm) {
        return ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(pcm.length).put(pcm).array();
    }
}
