package io.vigil.crypto.c2pa;

import io.vigil.crypto.c2pa.AudioContainer.Located;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest of a redacted export: a new file (the recording with PII spans silenced) whose manifest names
 * the signed original as its parent.
 *
 * <pre>
 * c2pa.ingredient.v3 { dc:title, dc:format, relationship: "parentOf",
 *                      activeManifest: hashed URI of the original's manifest box,
 *                      claimSignature: hashed URI of the original's signature box,
 *                      validationResults: { activeManifest: { success: [what we verified], informational: [], failure: [] } } }
 * c2pa.actions.v2    { actions: [ { action: "c2pa.opened", softwareAgent, parameters: { ingredients: [hashed URI of the ingredient] } },
 *                                 { action: "c2pa.edited", softwareAgent, reason: "c2pa.PII.present", description } ] }
 * </pre>
 *
 * <p>The edit is {@code c2pa.edited}, not {@code c2pa.redacted}: in C2PA 2.x {@code c2pa.redacted} means that
 * assertions were removed from an ingredient's manifest and must name them ({@code parameters.redacted}, listed
 * in the claim's {@code redacted_assertions}); c2pa-ts rejects it otherwise. Here the audio is edited and the
 * original manifest stays whole, so the PII reason rides on the edit.
 *
 * <p>Every manifest of the original's store is copied, unchanged, into the new store ahead of the new one, so
 * a verifier can follow the history without the original file. The original must verify (hard binding,
 * signature, chain) before we vouch for it as an ingredient; its {@code validationResults} record exactly
 * those checks.
 */
final class RedactedExport {

    /** C2PA's redaction reason for personal data, used as the reason of the edit. */
    static final String PII_REASON = "c2pa.PII.present";
    static final String TRANSCODED = "c2pa.transcoded";

    private RedactedExport() {
    }

    static ManifestAssembly assembly(byte[] signedOriginal, ClaimGenerator generator, String title, String description)
            throws C2paException {
        Map<Object, Object> edited = new LinkedHashMap<>();
        edited.put("action", "c2pa.edited");
        edited.put("softwareAgent", generator.toCbor());
        edited.put("reason", PII_REASON);
        edited.put("when", C2paWriter.now());
        edited.put("description", description);
        return derived(signedOriginal, generator, title, edited);
    }

    /**
     * A copy of {@code signedOriginal} in another encoding (e.g. an MP3 of a WAV recording): the same ingredient,
     * then {@code c2pa.transcoded} with {@code description}, instead of an edit.
     */
    static ManifestAssembly transcoded(byte[] signedOriginal, ClaimGenerator generator, String title, String description)
            throws C2paException {
        Map<Object, Object> transcoded = new LinkedHashMap<>();
        transcoded.put("action", TRANSCODED);
        transcoded.put("softwareAgent", generator.toCbor());
        transcoded.put("when", C2paWriter.now());
        transcoded.put("description", description);
        return derived(signedOriginal, generator, title, transcoded);
    }

    /** The original as parent ingredient, {@code c2pa.opened} of it, then {@code change}. */
    private static ManifestAssembly derived(byte[] signedOriginal, ClaimGenerator generator, String title,
                                            Map<Object, Object> change) throws C2paException {
        AudioFormat format = AudioFormat.detect(signedOriginal);
        C2paManifest original;
        List<JumbfBox> manifests;
        try {
            original = C2paReader.create().read(signedOriginal);
            Located located = format.container().locate(signedOriginal).orElseThrow();
            manifests = JumbfBox.parse(located.store()).children().stream()
                    .filter(b -> JumbfBox.MANIFEST.equals(b.typeCode())).toList();
        } catch (C2paVerificationException | C2paFormatException e) {
            throw new C2paException("The original recording's C2PA manifest does not verify, so a redacted export cannot "
                    + "name it as its parent: " + e.getMessage(), e);
        }
        JumbfBox parent = manifests.get(manifests.size() - 1);
        JumbfBox parentSignature = parent.child(ManifestAssembly.SIGNATURE_LABEL).orElseThrow();
        String parentUri = "self#jumbf=/c2pa/" + parent.label();

        Map<Object, Object> ingredient = new LinkedHashMap<>();
        ingredient.put("dc:title", original.title().orElse("original recording"));
        ingredient.put("dc:format", format.mediaType());
        ingredient.put("relationship", "parentOf");
        ingredient.put("activeManifest", ManifestAssembly.hashedUri(parentUri, parent));
        ingredient.put("claimSignature", ManifestAssembly.hashedUri(parentUri + "/" + ManifestAssembly.SIGNATURE_LABEL,
                parentSignature));
        ingredient.put("validationResults", Map.of("activeManifest", validationResults(parent)));
        ManifestAssembly.Assertion ingredientAssertion = new ManifestAssembly.Assertion(ManifestAssembly.INGREDIENT, ingredient);

        Map<Object, Object> ingredientParameter = Map.of("ingredients", List.of(ManifestAssembly.hashedUri(
                "self#jumbf=" + ManifestAssembly.ASSERTIONS_LABEL + "/" + ManifestAssembly.INGREDIENT, ingredientAssertion.box())));
        Map<Object, Object> opened = new LinkedHashMap<>();
        opened.put("action", "c2pa.opened");
        opened.put("softwareAgent", generator.toCbor());
        opened.put("parameters", ingredientParameter);
        if (TRANSCODED.equals(change.get("action"))) {
            // c2pa-rs requires a transcoding to name what it transcoded (assertion.action.ingredientMismatch)
            change.put("parameters", ingredientParameter);
        }
        ManifestAssembly.Assertion actions = new ManifestAssembly.Assertion(ManifestAssembly.ACTIONS,
                Map.of("actions", List.of(opened, change)));

        return new ManifestAssembly(manifests, List.of(ingredientAssertion, actions), generator, title);
    }

    /** The status codes for the checks {@link C2paReader} just passed on the parent manifest. */
    private static Map<Object, Object> validationResults(JumbfBox parent) {
        String signatureUri = "self#jumbf=/c2pa/" + parent.label() + "/" + ManifestAssembly.SIGNATURE_LABEL;
        List<Object> success = new ArrayList<>();
        success.add(status("claimSignature.insideValidity", signatureUri));
        success.add(status("claimSignature.validated", signatureUri));
        for (JumbfBox assertion : parent.child(ManifestAssembly.ASSERTIONS_LABEL).orElseThrow().children()) {
            String uri = ManifestAssembly.assertionUri(parent.label(), assertion.label());
            success.add(status("assertion.hashedURI.match", uri));
            if (assertion.label().equals(ManifestAssembly.DATA_HASH)) {
                success.add(status("assertion.dataHash.match", uri));
            }
        }
        Map<Object, Object> results = new LinkedHashMap<>();
        results.put("success", success);
        results.put("informational", List.of());
        results.put("failure", List.of());
        return results;
    }

    private static Map<Object, Object> status(String code, String url) {
        Map<Object, Object> status = new LinkedHashMap<>();
        status.put("code", code);
        status.put("url", url);
        return status;
    }
}
