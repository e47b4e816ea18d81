package io.vigil.crypto.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.crypto.c2pa.C2paVerificationException.Failure;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One manifest ({@code c2ma} box) as read from a store: its claim, assertion store and signature, with the
 * checks that do not need the asset (signature, chain, assertion hashes). See {@link ManifestAssembly} for
 * the layout.
 */
final class StoredManifest {

    private final JumbfBox manifest;
    private final JumbfBox assertionStore;
    private final byte[] claimBytes;
    private final JsonNode claim;
    private final byte[] signature;

    private StoredManifest(JumbfBox manifest, JumbfBox assertionStore, byte[] claimBytes, JsonNode claim, byte[] signature) {
        this.manifest = manifest;
        this.assertionStore = assertionStore;
        this.claimBytes = claimBytes;
        this.claim = claim;
        this.signature = signature;
    }

    static StoredManifest of(JumbfBox manifest) throws C2paVerificationException {
        try {
            JumbfBox assertionStore = manifest.child(ManifestAssembly.ASSERTIONS_LABEL)
                    .orElseThrow(() -> new C2paFormatException("Manifest " + manifest.label() + " has no assertion store"));
            JumbfBox claimBox = manifest.child(ManifestAssembly.CLAIM_LABEL)
                    .orElseThrow(() -> new C2paFormatException("Manifest " + manifest.label()
                            + " has no c2pa.claim.v2 claim (only v2 claims are supported)"));
            JumbfBox signatureBox = manifest.child(ManifestAssembly.SIGNATURE_LABEL)
                    .orElseThrow(() -> new C2paFormatException("Manifest " + manifest.label() + " is not signed"));
            byte[] claimBytes = claimBox.cborPayload();
            return new StoredManifest(manifest, assertionStore, claimBytes,
                    C2paReader.decode(claimBytes, "The claim"), signatureBox.cborPayload());
        } catch (C2paFormatException e) {
            throw new C2paVerificationException(Failure.MALFORMED, e.getMessage(), e);
        }
    }

    String label() {
        return manifest.label();
    }

    /** Verifies the claim signature and that every assertion the claim lists still has its recorded hash. */
    ClaimSignature.Verified verifySignatureAndAssertions() throws C2paVerificationException {
        return verifySignatureAndAssertions(Set.of());
    }

    /**
     * As {@link #verifySignatureAndAssertions()}, skipping the assertions a later claim redacted ({@code redacted}:
     * absolute JUMBF URIs, already checked by {@link Redactions}): they are gone, only their hash is left in the claim.
     */
    ClaimSignature.Verified verifySignatureAndAssertions(Set<String> redacted) throws C2paVerificationException {
        ClaimSignature.Verified verified = ClaimSignature.verify(signature, claimBytes);
        for (String field : List.of("created_assertions", "gathered_assertions")) {
            for (JsonNode reference : claim.path(field)) {
                String url = reference.path("url").asText();
                if (redacted.contains(absolute(url))) {
                    continue;
                }
                JumbfBox box = assertionBox(url.substring(url.lastIndexOf('/') + 1))
                        .orElseThrow(() -> new C2paVerificationException(Failure.HASH_MISMATCH,
                                ValidationCodes.ASSERTION_MISSING, "The claim references " + url
                                + " but the assertion is missing", null));
                if (!MessageDigest.isEqual(binary(reference.path("hash")), ManifestAssembly.sha256(box.hashedPayload()))) {
                    throw new C2paVerificationException(Failure.HASH_MISMATCH, ValidationCodes.HASHED_URI_MISMATCH,
                            "Assertion " + box.label() + " was altered after signing", null);
                }
            }
        }
        return verified;
    }

    /** The claim's {@code redacted_assertions}: JUMBF URIs of assertions removed from ingredient manifests. */
    List<String> redactedAssertions() throws C2paVerificationException {
        JsonNode field = claim.path("redacted_assertions");
        List<String> uris = new ArrayList<>();
        if (field.isMissingNode()) {
            return uris;
        }
        if (!field.isArray()) {
            throw new C2paVerificationException(Failure.MALFORMED, "The claim's redacted_assertions is not a list");
        }
        for (JsonNode uri : field) {
            if (!uri.isTextual()) {
                throw new C2paVerificationException(Failure.MALFORMED, "The claim's redacted_assertions holds a non-URI");
            }
            uris.add(uri.asText());
        }
        return uris;
    }

    /** Whether the claim lists the assertion at {@code absoluteUri} (created or gathered). */
    boolean listsAssertion(String absoluteUri) {
        for (String field : List.of("created_assertions", "gathered_assertions")) {
            for (JsonNode reference : claim.path(field)) {
                if (absolute(reference.path("url").asText()).equals(absoluteUri)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code url} as an absolute JUMBF URI: a claim may name its own assertions relative to its manifest. */
    private String absolute(String url) {
        String relative = "self#jumbf=" + ManifestAssembly.ASSERTIONS_LABEL + "/";
        return url.startsWith(relative)
                ? ManifestAssembly.assertionUri(label(), url.substring(relative.length()))
                : url;
    }

    /** The decoded contents of every assertion whose label is {@code label} or {@code label__<n>}. */
    List<JsonNode> assertionsLabelled(String label) throws C2paVerificationException {
        List<JsonNode> found = new ArrayList<>();
        for (JumbfBox box : assertionStore.children()) {
            if (box.isSuperBox() && (box.label().equals(label) || box.label().startsWith(label + "__"))) {
                try {
                    found.add(C2paReader.decode(box.cborPayload(), "Assertion " + box.label()));
                } catch (C2paFormatException e) {
                    throw new C2paVerificationException(Failure.MALFORMED, e.getMessage(), e);
                }
            }
        }
        return found;
    }

    Optional<String> title() {
        return text(claim.path("dc:title"));
    }

    ClaimGenerator claimGenerator() throws C2paVerificationException {
        JsonNode info = claim.path("claim_generator_info");
        if (!info.path("name").isTextual()) {
            throw new C2paVerificationException(Failure.MALFORMED, "The claim has no claim_generator_info name");
        }
        return new ClaimGenerator(info.path("name").asText(), info.path("version").asText("unknown"));
    }

    List<C2paManifest.Action> actions() throws C2paVerificationException {
        List<C2paManifest.Action> actions = new ArrayList<>();
        for (JsonNode assertion : assertionsLabelled(ManifestAssembly.ACTIONS)) {
            for (JsonNode action : assertion.path("actions")) {
                actions.add(new C2paManifest.Action(action.path("action").asText(),
                        text(action.path("digitalSourceType")), text(action.path("reason")), instant(action.path("when"))));
            }
        }
        return actions;
    }

    Optional<JumbfBox> assertionBox(String label) {
        return assertionStore.child(label);
    }

    private static Optional<java.time.Instant> instant(JsonNode node) {
        try {
            return text(node).map(java.time.OffsetDateTime::parse).map(java.time.OffsetDateTime::toInstant);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    static byte[] binary(JsonNode node) throws C2paVerificationException {
        try {
            if (!node.isBinary()) {
                throw new C2paVerificationException(Failure.MALFORMED, "Expected a hash (CBOR byte string)");
            }
            return node.binaryValue();
        } catch (IOException e) {
            throw new C2paVerificationException(Failure.MALFORMED, "Expected a hash (CBOR byte string)", e);
        }
    }
}
