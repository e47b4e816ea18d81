package io.vigil.crypto.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.crypto.c2pa.C2paVerificationException.Failure;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the redactions an active manifest declares, as C2PA 2.x and c2pa-rs do. Each URI in the claim's
 * {@code redacted_assertions} must name an assertion of another (ingredient) manifest in the store
 * ({@code assertion.selfRedacted} otherwise), never actions or a hard binding ({@code assertion.action.redacted},
 * {@code assertion.hardBinding.redacted}); that manifest's claim must list it, and the assertion must be gone from
 * its assertion store or zero-filled ({@code assertion.notRedacted}). Every {@code c2pa.redacted} action must name,
 * in {@code parameters.redacted}, one of the redacted URIs ({@code assertion.action.redactionMismatch}).
 */
final class Redactions {

    private static final String PREFIX = "self#jumbf=/c2pa/";

    private Redactions() {
    }

    /** The redacted URIs once they all check out, for verifying the ingredient manifests without them. */
    static Set<String> check(StoredManifest active, List<JumbfBox> manifests) throws C2paVerificationException {
        Set<String> redacted = new LinkedHashSet<>();
        for (String uri : active.redactedAssertions()) {
            String[] parts = parse(uri);
            String manifestLabel = parts[0];
            String assertionLabel = parts[1];
            if (manifestLabel.equals(active.label())) {
                throw invalid(ValidationCodes.ASSERTION_SELF_REDACTED, "The manifest declares its own assertion "
                        + assertionLabel + " redacted; only an ingredient's assertions can be redacted");
            }
            if (assertionLabel.startsWith("c2pa.actions")) {
                throw invalid(ValidationCodes.ACTION_REDACTED, "The manifest redacts the actions of " + manifestLabel
                        + ", which C2PA forbids");
            }
            if (assertionLabel.startsWith("c2pa.hash.")) {
                throw invalid(ValidationCodes.HARD_BINDING_REDACTED, "The manifest redacts the hard binding of "
                        + manifestLabel + ", which C2PA forbids");
            }
            JumbfBox box = manifests.stream().filter(m -> manifestLabel.equals(m.label())).findFirst()
                    .orElseThrow(() -> invalid(ValidationCodes.ACTION_REDACTION_MISMATCH, "The redacted assertion "
                            + uri + " names a manifest that is not in the store"));
            StoredManifest target = StoredManifest.of(box);
            if (!target.listsAssertion(uri)) {
                throw invalid(ValidationCodes.ASSERTION_NOT_REDACTED, "The redacted assertion " + uri
                        + " was never part of that manifest's claim");
            }
            Optional<JumbfBox> still = target.assertionBox(assertionLabel);
            if (still.isPresent() && !still.get().isZeroFilled()) {
                throw invalid(ValidationCodes.ASSERTION_NOT_REDACTED, "The assertion " + assertionLabel + " of "
                        + manifestLabel + " is declared redacted but is still there");
            }
            redacted.add(uri);
        }
        for (JsonNode actions : active.assertionsLabelled(ManifestAssembly.ACTIONS)) {
            for (JsonNode action : actions.path("actions")) {
                if (RedactedExport.REDACTED_ACTION.equals(action.path("action").asText())) {
                    JsonNode target = action.path("parameters").path("redacted");
                    if (!target.isTextual() || !redacted.contains(target.asText())) {
                        throw invalid(ValidationCodes.ACTION_REDACTION_MISMATCH, "A c2pa.redacted action names "
                                + (target.isTextual() ? target.asText() : "no assertion")
                                + ", which the claim does not list as redacted");
                    }
                }
            }
        }
        return redacted;
    }

    /** {@code self#jumbf=/c2pa/<manifest>/c2pa.assertions/<assertion>} as {manifest, assertion}. */
    private static String[] parse(String uri) throws C2paVerificationException {
        String[] parts = uri.startsWith(PREFIX) ? uri.substring(PREFIX.length()).split("/", -1) : new String[0];
        if (parts.length != 3 || parts[0].isEmpty() || !parts[1].equals(ManifestAssembly.ASSERTIONS_LABEL)
                || parts[2].isEmpty()) {
            throw new C2paVerificationException(Failure.MALFORMED, "The claim's redacted_assertions holds '" + uri
                    + "', which is not the JUMBF URI of an assertion");
        }
        return new String[] {parts[0], parts[2]};
    }

    private static C2paVerificationException invalid(String code, String message) {
        return new C2paVerificationException(Failure.REDACTION_INVALID, code, message, null);
    }
}
