package io.vigil.crypto.c2pa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.crypto.c2pa.C2paVerificationException.Failure;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampering with any part of a signed file is detected, by c2pa-rs and by our reader, with the specific
 * failure: audio bytes, the RIFF size, an assertion, the claim, the signer's trust, truncation.
 */
class C2paTamperTest {

    @TempDir
    static Path directory;
    static DemoPki pki;
    static Path anchors;
    static C2paReader reader;
    static byte[] signedWav;
    static byte[] signedMp3;

    @BeforeAll
    static void signFiles() throws Exception {
        pki = DemoPki.create("Vigil");
        anchors = Files.writeString(directory.resolve("root.pem"), pki.rootPem());
        reader = C2paReader.trusting(List.of(pki.root()));
        C2paWriter writer = C2paWriter.create(pki.newSigningIdentity("Vigil tamper test").signer(), C2paSigningTest.GENERATOR);
        signedWav = writer.sign(TestAudio.wav(4000), "Agent track", DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
        signedMp3 = writer.sign(TestAudio.mp3(20, true), "Call", DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
    }

    @Test
    void flippedWavAudioByteIsAHashMismatch() throws Exception {
        byte[] tampered = signedWav.clone();
        tampered[indexOf(tampered, "data") + 8 + 1000] ^= 0x01;

        assertC2paRsFails("audio.wav", tampered, "assertion.dataHash.mismatch");
        assertFailure(Failure.HASH_MISMATCH, tampered);
    }

    @Test
    void flippedMp3AudioByteIsAHashMismatch() throws Exception {
        byte[] tampered = signedMp3.clone();
        tampered[tampered.length - 100] ^= 0x01;

        assertC2paRsFails("audio.mp3", tampered, "assertion.dataHash.mismatch");
        assertFailure(Failure.HASH_MISMATCH, tampered);
    }

    @Test
    void audioAppendedAfterSigningIsAHashMismatch() throws Exception {
        // Grow the RIFF form by a chunk and fix its size field: only the hash can tell.
        byte[] extra = "JUNK\u0004\u0000\u0000\u0000abcd".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tampered = Arrays.copyOf(signedWav, signedWav.length + extra.length);
        System.arraycopy(extra, 0, tampered, signedWav.length, extra.length);
        ByteBuffer.wrap(tampered, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(tampered.length - 8);

        assertC2paRsFails("appended.wav", tampered, "assertion.dataHash.mismatch");
        assertFailure(Failure.HASH_MISMATCH, tampered);
    }

    @Test
    void alteredAssertionIsAHashMismatch() throws Exception {
        byte[] tampered = signedWav.clone();
        int created = indexOf(tampered, "c2pa.created");
        tampered[created + "c2pa.created".length() - 1] = 'D';

        assertC2paRsFails("assertion.wav", tampered, "assertion.hashedURI.mismatch");
        assertFailure(Failure.HASH_MISMATCH, tampered);
    }

    @Test
    void alteredClaimIsAnInvalidSignature() throws Exception {
        for (String name : List.of("claim.wav", "claim.mp3")) {
            byte[] tampered = (name.endsWith("wav") ? signedWav : signedMp3).clone();
            int title = indexOf(tampered, "dc:title") + "dc:title".length() + 1;
            tampered[title] ^= 0x20;

            assertC2paRsFails(name, tampered, "claimSignature.mismatch");
            assertFailure(Failure.SIGNATURE_INVALID, tampered);
        }
    }

    @Test
    void signerOutsideTheTrustAnchorsIsUntrusted() throws Exception {
        DemoPki other = DemoPki.create("Elsewhere");
        Path otherRoot = Files.writeString(directory.resolve("other-root.pem"), other.rootPem());

        C2paRsVerifier.Report report = C2paRsVerifier.verify(write("untrusted.wav", signedWav), otherRoot);
        assertTrue(report.c2paRsCodes("failure").contains("signingCredential.untrusted"), report::toString);
        C2paVerificationException e = assertThrows(C2paVerificationException.class,
                () -> C2paReader.trusting(List.of(other.root())).read(signedWav));
        assertEquals(Failure.UNTRUSTED_SIGNER, e.failure());
    }

    @Test
    void truncatedFileIsMalformed() throws Exception {
        byte[] truncated = Arrays.copyOf(signedWav, signedWav.length - 200);

        C2paRsVerifier.Report report = C2paRsVerifier.verify(write("truncated.wav", truncated), anchors);
        assertFalse(report.c2paRs().path("ok").asBoolean() && report.c2paRsCodes("failure").isEmpty(), report::toString);
        assertFailure(Failure.MALFORMED, truncated);
    }

    @Test
    void unsignedFilesHaveNoManifest() throws Exception {
        assertFailure(Failure.NO_MANIFEST, TestAudio.wav(100));
        assertFailure(Failure.NO_MANIFEST, TestAudio.mp3(2, true));
        assertFailure(Failure.NO_MANIFEST, TestAudio.mp3(2, false));
        C2paRsVerifier.Report report = C2paRsVerifier.verify(write("unsigned.wav", TestAudio.wav(100)), anchors);
        assertTrue(report.c2paRs().path("error").asText().contains("JumbfNotFound"), report::toString);
    }

    @Test
    void nonAudioIsMalformed() {
        assertFailure(Failure.MALFORMED, "not audio at all".getBytes(StandardCharsets.US_ASCII));
        assertThrows(C2paException.class, () -> C2paWriter.create(pki.newSigningIdentity("x").signer(), C2paSigningTest.GENERATOR)
                .sign(new byte[] {1, 2, 3}, "x", DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA));
    }

    private static void assertC2paRsFails(String name, byte[] tampered, String code) throws Exception {
        C2paRsVerifier.Report report = C2paRsVerifier.verify(write(name, tampered), anchors);
        assertTrue(report.c2paRsCodes("failure").contains(code), () -> "c2pa-rs should report " + code + ": " + report);
        assertTrue(report.c2paTsFailures().contains(code) || !report.c2paTs().path("ok").asBoolean(),
                () -> "c2pa-ts should not accept the tampered file: " + report);
    }

    private static void assertFailure(Failure expected, byte[] asset) {
        C2paVerificationException e = assertThrows(C2paVerificationException.class, () -> reader.read(asset));
        assertEquals(expected, e.failure(), e::getMessage);
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        return Files.write(directory.resolve(name), bytes);
    }

    private static int indexOf(byte[] haystack, String needle) {
        byte[] bytes = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + bytes.length <= haystack.length; i++) {
            for (int j = 0; j < bytes.length; j++) {
                if (haystack[i + j] != bytes[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("'" + needle + "' not found");
    }
}
