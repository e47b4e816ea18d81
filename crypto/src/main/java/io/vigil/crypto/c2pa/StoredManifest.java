package io.vigil.crypto.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.crypto.c2pa.C2paVerificationException.Failure;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        ClaimSignature.Verified verified = ClaimSignature.verify(signature, claimBytes);
        for (String field : List.of("created_assertions", "gathered_assertions")) {
            for (JsonNode reference : claim.path(field)) {
                String url = reference.path("url").asText();
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

    private Optional<JumbfBox> assertionBox(String label) {
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
