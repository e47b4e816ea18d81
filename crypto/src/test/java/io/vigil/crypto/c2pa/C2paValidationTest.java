package io.vigil.crypto.c2pa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.crypto.keys.BcfksKeyProvider;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link C2paValidation} reports what c2pa-rs reports: the same validation state and the same failure codes, on
 * files signed under a CA whose intermediate key sits in a key provider (as the application's demo CA does) and
 * restored from its stored certificates.
 */
class C2paValidationTest {

    @TempDir
    static Path directory;
    static BcfksKeyProvider provider;
    static DemoPki restored;
    static Path anchors;
    static C2paWriter writer;

    @BeforeAll
    static void caInAKeyProvider() throws Exception {
        provider = BcfksKeyProvider.open(directory.resolve("keys.bcfks"), "test-password".toCharArray());
        KeyReference caKey = provider.createVersion(new KeyName("c2pa-demo-ca", KeyDomain.SIGNING));
        DemoPki created = DemoPki.create("Vigil", provider.publicKey(caKey), data -> provider.sign(caKey, data));
        // as after a restart: only the certificates were stored, the CA key stayed in the provider
        restored = DemoPki.restore(created.root(), created.intermediate(), data -> provider.sign(caKey, data));
        KeyReference tenantKey = provider.createVersion(new KeyName("acme", KeyDomain.SIGNING));
        writer = C2paWriter.create(C2paSigner.of(provider, tenantKey,
                restored.issueSigningChain(provider.publicKey(tenantKey), "Acme C2PA signer")), C2paSigningTest.GENERATOR);
        anchors = Files.writeString(directory.resolve("root.pem"), restored.rootPem());
    }

    @Test
    void aSignedFileIsTrustedByBothReaders() throws Exception {
        byte[] signed = writer.sign(TestAudio.wav(8000), "Agent track", DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);

        C2paRsVerifier.Report c2paRs = C2paRsVerifier.verify(write("trusted.wav", signed), anchors);
        c2paRs.assertCleanAndTrusted();
        C2paValidation.Report ours = C2paValidation.validate(signed, List.of(restored.root()));
        assertEquals(C2paValidation.State.TRUSTED, ours.state());
        assertEquals(List.of(), ours.failureCodes());
        for (String code : List.of(ValidationCodes.SIGNING_CREDENTIAL_TRUSTED, ValidationCodes.CLAIM_SIGNATURE_VALIDATED,
                ValidationCodes.DATA_HASH_MATCH, ValidationCodes.HASHED_URI_MATCH)) {
            assertTrue(c2paRs.c2paRsCodes("success").contains(code), code + " in c2pa-rs's report: " + c2paRs);
            assertTrue(ours.codes().contains(code), code + " in ours: " + ours);
        }
        assertTrue(ours.manifest().orElseThrow().signer().getSubjectX500Principal().getName().contains("CN=Acme C2PA signer"));
    }

    @Test
    void withoutTheRootTheFileIsValidButUntrusted() throws Exception {
        byte[] signed = writer.sign(TestAudio.mp3(20, true), "Call", DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
        Path foreignRoot = Files.writeString(directory.resolve("foreign.pem"), DemoPki.create("Elsewhere").rootPem());

        C2paRsVerifier.Report c2paRs = C2paRsVerifier.verify(write("untrusted.mp3", signed), foreignRoot);
        C2paValidation.Report ours = C2paValidation.validate(signed, List.of(DemoPki.create("Elsewhere").root()));

        assertEquals("Valid", c2paRs.c2paRs().path("validationState").asText(), c2paRs::toString);
        assertEquals(c2paRs.c2paRs().path("validationState").asText(), ours.state().label());
        assertEquals(c2paRs.c2paRsCodes("failure"), ours.failureCodes());
        assertEquals(List.of(ValidationCodes.SIGNING_CREDENTIAL_UNTRUSTED), ours.failureCodes());
    }

    @Test
    void aFlippedAudioByteIsADataHashMismatchForBoth() throws Exception {
        byte[] signed = writer.sign(TestAudio.wav(8000), "Agent track", DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
        signed[200] ^= 0x01;

        C2paRsVerifier.Report c2paRs = C2paRsVerifier.verify(write("flipped.wav", signed), anchors);
        C2paValidation.Report ours = C2paValidation.validate(signed, List.of(restored.root()));

        assertTrue(c2paRs.c2paRsCodes("failure").contains(ValidationCodes.DATA_HASH_MISMATCH), c2paRs::toString);
        assertTrue(c2paRs.c2paTsFailures().contains(ValidationCodes.DATA_HASH_MISMATCH), c2paRs::toString);
        assertEquals(c2paRs.c2paRs().path("validationState").asText(), ours.state().label());
        assertEquals(List.of(ValidationCodes.DATA_HASH_MISMATCH), ours.failureCodes());
        assertTrue(ours.manifest().isPresent(), "the signer and actions are still shown next to the failure");
        assertTrue(ours.problem().orElseThrow().contains("altered"));
    }

    @Test
    void anUnsignedFileAndNonAudioAreInvalidWithAReason() throws Exception {
        C2paValidation.Report unsigned = C2paValidation.validate(TestAudio.wav(100), List.of(restored.root()));
        assertEquals(C2paValidation.State.INVALID, unsigned.state());
        assertEquals(List.of(ValidationCodes.CLAIM_MISSING), unsigned.failureCodes());
        assertFalse(unsigned.manifest().isPresent());

        C2paValidation.Report text = C2paValidation.validate("hello".getBytes(), List.of(restored.root()));
        assertEquals(C2paValidation.State.INVALID, text.state());
        assertTrue(text.problem().orElseThrow().contains("WAV"), text::toString);
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        return Files.write(directory.resolve(name), bytes);
    }
}
