package io.vigil.crypto.c2pa;

import io.vigil.crypto.c2pa.AudioContainer.Located;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest of a redacted export: a new file (the recording with PII spans silenced) whose manifest names
 * the signed original as its parent and removes the call's personal data from the parent's manifest.
 *
 * <pre>
 * c2pa.ingredient.v3 { dc:title, dc:format, relationship: "parentOf",
 *                      activeManifest: hashed URI of the original's manifest box (as carried, i.e. redacted),
 *                      claimSignature: hashed URI of the original's signature box,
 *                      validationResults: { activeManifest: { success: [what we verified], informational: [], failure: [] } } }
 * c2pa.actions.v2    { actions: [ { action: "c2pa.opened", softwareAgent, parameters: { ingredients: [hashed URI of the ingredient] } },
 *                                 { action: "c2pa.redacted", softwareAgent, reason: "c2pa.PII.present",
 *                                   parameters: { redacted: "self#jumbf=/c2pa/&lt;original&gt;/c2pa.assertions/io.vigil.call" } },
 *                                 { action: "c2pa.edited", softwareAgent, reason: "c2pa.PII.present", description } ] }
 * claim              redacted_assertions: [ the same URI ]
 * </pre>
 *
 * <p>Two things change, so there are two actions. {@code c2pa.redacted} is C2PA's action for removing an assertion
 * from an ingredient's manifest: the original's {@value CallDetails#LABEL} assertion (caller, call id, tenant, time)
 * is taken out of the original's assertion store, which C2PA allows because the original's claim keeps only its
 * hash and its signature covers the claim, not the assertion store; the new claim lists the assertion's URI in
 * {@code redacted_assertions}. Actions and hard bindings may not be redacted, and a claim may not redact its own
 * assertions. {@code c2pa.edited} with the PII reason records that the audio itself was silenced, which is a change of
 * content rather than of a manifest. An original without the personal data assertion (signed before it existed, or
 * itself a redacted copy) gets the edit only.
 *
 * <p>Every manifest of the original's store is copied into the new store ahead of the new one, so a verifier can
 * follow the history without the original file: unchanged, except the parent's assertion store without the redacted
 * box. The original must verify (hard binding, signature, chain) before we vouch for it as an ingredient; its
 * {@code validationResults} record exactly those checks.
 */
final class RedactedExport {

    /** C2PA's redaction reason for personal data. */
    static final String PII_REASON = "c2pa.PII.present";
    /** C2PA's action for assertions removed from an ingredient's manifest. */
    static final String REDACTED_ACTION = "c2pa.redacted";

    /**
     * What the new claim declares redacted ({@code uri}) and whether the assertion is taken out of the parent's
     * manifest. Writing anything but {@link #AS_C2PA_PRESCRIBES} is for tests that check readers catch it.
     */
    record Redaction(String uri, boolean removed) {
    }

    /** Chooses the redaction, given the new manifest's label and the URI of the parent's personal data, if any. */
    interface Plan {
        Optional<Redaction> choose(String newManifestLabel, Optional<String> personalData);
    }

    /** Redact the parent's personal data assertion, if it has one, and remove it from the parent's manifest. */
    static final Plan AS_C2PA_PRESCRIBES = (label, personalData) -> personalData.map(uri -> new Redaction(uri, true));

    /** C2PA's action for a change of encoding (an MP3 of a WAV). */
    static final String TRANSCODED = "c2pa.transcoded";

    private RedactedExport() {
    }

    static ManifestAssembly assembly(byte[] signedOriginal, ClaimGenerator generator, String title, String description)
            throws C2paException {
        return assembly(signedOriginal, generator, title, description, AS_C2PA_PRESCRIBES);
    }

    static ManifestAssembly assembly(byte[] signedOriginal, ClaimGenerator generator, String title, String description,
            Plan plan) throws C2paException {
        Map<Object, Object> edited = new LinkedHashMap<>();
        edited.put("action", "c2pa.edited");
        edited.put("softwareAgent", generator.toCbor());
        edited.put("reason", PII_REASON);
        edited.put("when", C2paWriter.now());
        edited.put("description", description);
        return derived(signedOriginal, generator, title, plan, edited);
    }

    /**
     * A copy of {@code signedOriginal} in another encoding (e.g. an MP3 of a WAV recording, unredacted): the same
     * ingredient, kept whole (nothing of it is redacted), then {@code c2pa.transcoded} with {@code description}
     * instead of an edit.
     */
    static ManifestAssembly transcoded(byte[] signedOriginal, ClaimGenerator generator, String title, String description)
            throws C2paException {
        Map<Object, Object> transcoded = new LinkedHashMap<>();
        transcoded.put("action", TRANSCODED);
        transcoded.put("softwareAgent", generator.toCbor());
        transcoded.put("when", C2paWriter.now());
        transcoded.put("description", description);
        return derived(signedOriginal, generator, title, (label, personalData) -> Optional.empty(), transcoded);
    }

    /** The original as parent ingredient, {@code c2pa.opened} of it, the redaction {@code plan} chose, then {@code change}. */
    private static ManifestAssembly derived(byte[] signedOriginal, ClaimGenerator generator, String title, Plan plan,
                                            Map<Object, Object> change) throws C2paException {
        AudioFormat format = AudioFormat.detect(signedOriginal);
        C2paManifest original;
        List<JumbfBox> manifests;
        try {
            original = C2paReader.create().read(signedOriginal);
            Located located = format.container().locate(signedOriginal).orElseThrow();
            manifests = new ArrayList<>(JumbfBox.parse(located.store()).children().stream()
                    .filter(b -> JumbfBox.MANIFEST.equals(b.typeCode())).toList());
        } catch (C2paVerificationException | C2paFormatException e) {
            throw new C2paException("The original recording's C2PA manifest does not verify, so a redacted export cannot "
                    + "name it as its parent: " + e.getMessage(), e);
        }
        JumbfBox parent = manifests.get(manifests.size() - 1);
        JumbfBox parentAssertions = parent.child(ManifestAssembly.ASSERTIONS_LABEL).orElseThrow();
        Optional<JumbfBox> personal = parentAssertions.child(CallDetails.LABEL);
        String label = ManifestAssembly.newLabel();
        Optional<Redaction> redaction = plan.choose(label,
                personal.map(box -> ManifestAssembly.assertionUri(parent.label(), box.label())));
        JumbfBox carried = parent;
        if (redaction.isPresent() && redaction.get().removed() && personal.isPresent()) {
            carried = parent.replacing(parentAssertions, parentAssertions.without(personal.get()));
            manifests.set(manifests.size() - 1, carried);
        }
        JumbfBox parentSignature = carried.child(ManifestAssembly.SIGNATURE_LABEL).orElseThrow();
        String parentUri = "self#jumbf=/c2pa/" + carried.label();

        Map<Object, Object> ingredient = new LinkedHashMap<>();
        ingredient.put("dc:title", original.title().orElse("original recording"));
        ingredient.put("dc:format", format.mediaType());
        ingredient.put("relationship", "parentOf");
        ingredient.put("activeManifest", ManifestAssembly.hashedUri(parentUri, carried));
        ingredient.put("claimSignature", ManifestAssembly.hashedUri(parentUri + "/" + ManifestAssembly.SIGNATURE_LABEL,
                parentSignature));
        ingredient.put("validationResults", Map.of("activeManifest", validationResults(carried)));
        ManifestAssembly.Assertion ingredientAssertion = new ManifestAssembly.Assertion(ManifestAssembly.INGREDIENT, ingredient);

        List<Object> actions = new ArrayList<>();
        Map<Object, Object> ingredientParameter = Map.of("ingredients", List.of(ManifestAssembly.hashedUri(
                "self#jumbf=" + ManifestAssembly.ASSERTIONS_LABEL + "/" + ManifestAssembly.INGREDIENT, ingredientAssertion.box())));
        Map<Object, Object> opened = new LinkedHashMap<>();
        opened.put("action", "c2pa.opened");
        opened.put("softwareAgent", generator.toCbor());
        opened.put("parameters", ingredientParameter);
        actions.add(opened);
        redaction.ifPresent(r -> {
            Map<Object, Object> redacted = new LinkedHashMap<>();
            redacted.put("action", REDACTED_ACTION);
            redacted.put("softwareAgent", generator.toCbor());
            redacted.put("reason", PII_REASON);
            redacted.put("when", C2paWriter.now());
            redacted.put("parameters", Map.of("redacted", r.uri()));
            actions.add(redacted);
        });
        if (TRANSCODED.equals(change.get("action"))) {
            // c2pa-rs requires a transcoding to name what it transcoded (assertion.action.ingredientMismatch)
            change.put("parameters", ingredientParameter);
        }
        actions.add(change);
        ManifestAssembly.Assertion actionsAssertion = new ManifestAssembly.Assertion(ManifestAssembly.ACTIONS,
                Map.of("actions", actions));

        return new ManifestAssembly(label, manifests, List.of(ingredientAssertion, actionsAssertion),
                redaction.map(r -> List.of(r.uri())).orElse(List.of()), generator, title);
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
