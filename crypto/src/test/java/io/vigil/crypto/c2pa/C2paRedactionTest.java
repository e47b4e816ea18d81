package io.vigil.crypto.c2pa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A redacted copy removes the caller's personal data ({@code io.vigil.call}) from the original's manifest with a
 * {@code c2pa.redacted} action, as C2PA 2.x prescribes: c2pa-rs says Trusted with no failure, and Vigil's reader
 * agrees. Redactions C2PA forbids, or that did not happen, fail in both with the same code.
 */
class C2paRedactionTest extends SignedWithTestPki {

    private static final String CALLER = "+44 20 7946 0958";

    private static byte[] original(byte[] audio) throws C2paException {
        CallDetails call = new CallDetails("8d4f7c1e-call", "acme", Optional.of(CALLER), Instant.parse("2026-11-26T09:30:00Z"));
        return writer.sign(audio, "Call 42", DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA, call);
    }

    @Test
    void theOriginalCarriesTheCallersDetails() throws Exception {
        byte[] original = original(TestAudio.wav(4000));

        C2paRsVerifier.Report report = C2paRsVerifier.verify(Files.write(directory.resolve("original.wav"), original), anchors);
        report.assertCleanAndTrusted();
        JsonNode call = assertionLabelled(report.activeManifest(), CallDetails.LABEL).orElseThrow(
                () -> new AssertionError("c2pa-rs shows no " + CallDetails.LABEL + ": " + report));
        assertEquals(CALLER, call.path("data").path("caller").asText(), report::toString);
        assertEquals("8d4f7c1e-call", call.path("data").path("callId").asText(), report::toString);
        assertEquals("acme", call.path("data").path("tenant").asText(), report::toString);
        assertEquals("2026-11-26T09:30:00Z", call.path("data").path("startedAt").asText(), report::toString);
    }

    @Test
    void aRedactedWavCopyRemovesTheCallersDetailsFromTheOriginalsManifest() throws Exception {
        byte[] original = original(TestAudio.wav(8000));
        byte[] silenced = TestAudio.wav(8000);
        java.util.Arrays.fill(silenced, silenced.length - 4000, silenced.length, (byte) 0);

        byte[] copy = writer.signRedactedExport(original, silenced, "Call 42 (redacted)", "2 PII spans silenced");

        assertRedactionVerifies(Files.write(directory.resolve("redacted.wav"), copy), copy);
    }

    @Test
    void aRedactedMp3CopyRemovesTheCallersDetailsFromTheOriginalsManifest() throws Exception {
        byte[] original = original(TestAudio.mp3(30, true));

        byte[] copy = writer.signRedactedExport(original, TestAudio.mp3(30, true), "Call 42 (redacted)", "1 PII span silenced");

        assertRedactionVerifies(Files.write(directory.resolve("redacted.mp3"), copy), copy);
    }

    @Test
    void aRedactionOfTheNewManifestsOwnAssertionIsSelfRedacted() throws Exception {
        byte[] copy = writer.signRedactedExport(original(TestAudio.wav(4000)), TestAudio.wav(4000), "Call 42 (redacted)", "x",
                (label, personalData) -> Optional.of(new RedactedExport.Redaction(
                        ManifestAssembly.assertionUri(label, CallDetails.LABEL), false)));

        assertBothReject(copy, "self-redacted.wav", ValidationCodes.ASSERTION_SELF_REDACTED);
    }

    @Test
    void aRedactedAssertionStillInTheOriginalsManifestIsNotRedacted() throws Exception {
        byte[] copy = writer.signRedactedExport(original(TestAudio.wav(4000)), TestAudio.wav(4000), "Call 42 (redacted)", "x",
                (label, personalData) -> personalData.map(uri -> new RedactedExport.Redaction(uri, false)));

        C2paRsVerifier.Report report = assertBothReject(copy, "kept.wav", ValidationCodes.ASSERTION_NOT_REDACTED);
        assertTrue(new String(copy, StandardCharsets.ISO_8859_1).contains(CALLER), report::toString);
    }

    @Test
    void aRedactionOfTheOriginalsActionsIsForbidden() throws Exception {
        byte[] copy = writer.signRedactedExport(original(TestAudio.wav(4000)), TestAudio.wav(4000), "Call 42 (redacted)", "x",
                (label, personalData) -> personalData.map(uri -> new RedactedExport.Redaction(
                        uri.replace(CallDetails.LABEL, ManifestAssembly.ACTIONS), false)));

        assertBothReject(copy, "actions-redacted.wav", ValidationCodes.ACTION_REDACTED);
    }

    private static C2paRsVerifier.Report assertBothReject(byte[] copy, String name, String code) throws Exception {
        C2paRsVerifier.Report report = C2paRsVerifier.verify(Files.write(directory.resolve(name), copy), anchors);
        assertEquals("Invalid", report.c2paRs().path("validationState").asText(), report::toString);
        List<String> failures = new ArrayList<>(report.c2paRsCodes("failure"));
        failures.addAll(report.c2paRsCodes("ingredientFailure"));
        assertTrue(failures.contains(code), () -> "c2pa-rs should report " + code + ": " + report);

        C2paValidation.Report ours = C2paValidation.validate(copy, List.of(pki.root()));
        assertEquals(C2paValidation.State.INVALID, ours.state(), ours::toString);
        assertEquals(List.of(code), ours.failureCodes(), ours::toString);
        return report;
    }

    private static void assertRedactionVerifies(Path file, byte[] copy) throws Exception {
        C2paRsVerifier.Report report = C2paRsVerifier.verify(file, anchors);
        report.assertC2paRsCleanAndTrusted();
        JsonNode manifest = report.activeManifest();
        JsonNode actions = C2paSigningTest.actionsOf(manifest);
        assertEquals(List.of("c2pa.opened", "c2pa.redacted", "c2pa.edited"), actionNames(actions), report::toString);
        String parentLabel = manifest.path("ingredients").path(0).path("active_manifest").asText();
        String redactedUri = "self#jumbf=/c2pa/" + parentLabel + "/c2pa.assertions/" + CallDetails.LABEL;
        assertEquals(redactedUri, actions.path(1).path("parameters").path("redacted").asText(), report::toString);
        assertEquals(RedactedExport.PII_REASON, actions.path(1).path("reason").asText(), report::toString);
        assertEquals(RedactedExport.PII_REASON, actions.path(2).path("reason").asText(), report::toString);
        JsonNode parent = report.c2paRs().path("manifestStore").path("manifests").path(parentLabel);
        assertFalse(parent.isMissingNode(), report::toString);
        assertTrue(assertionLabelled(parent, CallDetails.LABEL).isEmpty(), () -> "the caller is still there: " + report);
        assertFalse(new String(copy, StandardCharsets.ISO_8859_1).contains(CALLER), "the caller's number left in the copy");
        // c2pa-ts 0.9.4 expects a redacted assertion to remain readable (it checks parameters.redacted resolves and
        // validates the ingredient's assertions without the later claim's redactions), unlike C2PA 2.x and c2pa-rs.
        assertTrue(report.c2paTs().path("ok").asBoolean(), report::toString);
        assertEquals(List.of("assertion.missing", "assertion.action.redactionMismatch"),
                report.c2paTsFailures().stream().distinct().toList(), report::toString);

        C2paValidation.Report ours = C2paValidation.validate(copy, List.of(pki.root()));
        assertEquals(C2paValidation.State.TRUSTED, ours.state(), ours::toString);
        assertEquals(List.of(), ours.failureCodes(), ours::toString);
        C2paManifest manifestRead = ours.manifest().orElseThrow();
        assertEquals(List.of("c2pa.opened", "c2pa.redacted", "c2pa.edited"),
                manifestRead.actions().stream().map(C2paManifest.Action::action).toList());
        assertEquals(Optional.of(parentLabel), manifestRead.ingredients().get(0).manifestLabel());
    }

    private static List<String> actionNames(JsonNode actions) {
        List<String> names = new ArrayList<>();
        actions.forEach(a -> names.add(a.path("action").asText()));
        return names;
    }

    private static Optional<JsonNode> assertionLabelled(JsonNode manifest, String label) {
        for (JsonNode assertion : manifest.path("assertions")) {
            if (assertion.path("label").asText().equals(label)) {
                return Optional.of(assertion);
            }
        }
        return Optional.empty();
    }
}
