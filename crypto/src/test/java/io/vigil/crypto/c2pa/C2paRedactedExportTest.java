package io.vigil.crypto.c2pa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A redacted export carries a new manifest with the signed original as its parentOf ingredient and a
 * c2pa.edited action with the PII redaction reason; c2pa-rs validates the whole chain.
 */
class C2paRedactedExportTest extends SignedWithTestPki {

    @Test
    void redactedWavNamesTheOriginalAsParent() throws Exception {
        byte[] original = writer.sign(TestAudio.wav(8000), "Call 42", DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
        byte[] silenced = TestAudio.wav(8000);
        java.util.Arrays.fill(silenced, silenced.length - 4000, silenced.length, (byte) 0);

        byte[] export = writer.signRedactedExport(original, silenced, "Call 42 (redacted)", "2 PII spans silenced");

        assertRedactedExportVerifies(Files.write(directory.resolve("redacted.wav"), export), export);
    }

    @Test
    void redactedMp3NamesTheOriginalAsParent() throws Exception {
        byte[] original = writer.sign(TestAudio.mp3(30, true), "Call 42", DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);

        byte[] export = writer.signRedactedExport(original, TestAudio.mp3(30, true), "Call 42 (redacted)", "2 PII spans silenced");

        assertRedactedExportVerifies(Files.write(directory.resolve("redacted.mp3"), export), export);
    }

    @Test
    void anMp3OfAWavOriginalIsATranscodedCopyNamingIt() throws Exception {
        byte[] original = writer.sign(TestAudio.wav(8000), "Call 42", DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);

        byte[] mp3 = writer.signTranscodedCopy(original, TestAudio.mp3(30, false), "Call 42 (MP3)", "encoded as MP3");

        C2paRsVerifier.Report report = C2paRsVerifier.verify(Files.write(directory.resolve("transcoded.mp3"), mp3), anchors);
        report.assertCleanAndTrusted();
        JsonNode actions = C2paSigningTest.actionsOf(report.activeManifest());
        assertEquals("c2pa.opened", actions.path(0).path("action").asText(), report::toString);
        assertEquals("c2pa.transcoded", actions.path(1).path("action").asText(), report::toString);
        JsonNode ingredient = report.activeManifest().path("ingredients").path(0);
        assertEquals("parentOf", ingredient.path("relationship").asText(), report::toString);
        assertEquals("audio/wav", ingredient.path("format").asText(), report::toString);
        C2paManifest ours = C2paReader.trusting(List.of(pki.root())).read(mp3);
        assertEquals(List.of("c2pa.opened", "c2pa.transcoded"), ours.actions().stream().map(C2paManifest.Action::action).toList());
    }

    @Test
    void aTamperedOriginalCannotBeExported() throws Exception {
        byte[] original = writer.sign(TestAudio.wav(4000), "Call", DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
        original[100] ^= 1;

        C2paException e = assertThrows(C2paException.class,
                () -> writer.signRedactedExport(original, TestAudio.wav(4000), "x", "y"));
        assertTrue(e.getMessage().contains("HASH_MISMATCH"), e::getMessage);
    }

    @Test
    void anAlteredIngredientManifestIsDetected() throws Exception {
        byte[] original = writer.sign(TestAudio.wav(4000), "Call 7", DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
        byte[] export = writer.signRedactedExport(original, TestAudio.wav(4000), "Call 7 (redacted)", "1 PII span silenced");
        // The original's manifest comes first in the store, so the first "Call 7" is its claim's title.
        int title = new String(export, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Call 7");
        export[title + 5] = '8';

        C2paRsVerifier.Report report = C2paRsVerifier.verify(Files.write(directory.resolve("altered-parent.wav"), export), anchors);
        List<String> failures = new java.util.ArrayList<>(report.c2paRsCodes("failure"));
        failures.addAll(report.c2paRsCodes("ingredientFailure"));
        assertTrue(failures.stream().anyMatch(code -> code.startsWith("ingredient.") || code.startsWith("claimSignature.")),
                () -> "c2pa-rs should flag the altered parent manifest: " + report);
        C2paVerificationException e = assertThrows(C2paVerificationException.class,
                () -> C2paReader.trusting(List.of(pki.root())).read(export));
        assertEquals(C2paVerificationException.Failure.HASH_MISMATCH, e.failure(), e::getMessage);
    }

    private static void assertRedactedExportVerifies(Path file, byte[] export) throws Exception {
        C2paRsVerifier.Report report = C2paRsVerifier.verify(file, anchors);
        report.assertCleanAndTrusted();
        JsonNode manifest = report.activeManifest();
        assertEquals("Call 42 (redacted)", manifest.path("title").asText());
        JsonNode actions = C2paSigningTest.actionsOf(manifest);
        assertEquals("c2pa.opened", actions.path(0).path("action").asText(), report::toString);
        assertEquals("c2pa.edited", actions.path(1).path("action").asText(), report::toString);
        assertEquals(RedactedExport.PII_REASON, actions.path(1).path("reason").asText(), report::toString);
        JsonNode ingredient = manifest.path("ingredients").path(0);
        assertEquals("parentOf", ingredient.path("relationship").asText(), report::toString);
        assertEquals("Call 42", ingredient.path("title").asText(), report::toString);
        assertEquals(2, report.c2paRs().path("manifestStore").path("manifests").size());

        C2paManifest ours = C2paReader.trusting(List.of(pki.root())).read(export);
        assertEquals(List.of("c2pa.opened", "c2pa.edited"), ours.actions().stream().map(C2paManifest.Action::action).toList());
        assertEquals("parentOf", ours.ingredients().get(0).relationship());
        assertEquals("Call 42", ours.ingredients().get(0).title().orElseThrow());
        assertTrue(ours.ingredients().get(0).manifestLabel().isPresent());
    }
}
