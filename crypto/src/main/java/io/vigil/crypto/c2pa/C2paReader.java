package io.vigil.crypto.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.crypto.c2pa.AudioContainer.Located;
import io.vigil.crypto.c2pa.C2paVerificationException.Failure;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and verifies the C2PA manifest embedded in a WAV or MP3 file.
 *
 * <p>Verification of the active (last) manifest, in order: the claim signature (ES256 COSE_Sign1 over the
 * claim, the chain in {@code x5chain}, the {@code sigTst2} timestamp if present); the signer's chain against
 * the trust anchors, if the reader has any; every hashed URI in {@code created_assertions} and
 * {@code gathered_assertions}; the {@code c2pa.hash.data} hard binding over the file, whose exclusion must be
 * exactly where the store sits; the redactions the claim declares ({@link Redactions}). Each ingredient's manifest
 * (carried in the same store) must match its hashed URI and carry a valid signature, and every assertion its
 * claim lists must be there with its hash, except those redacted. The first problem found is thrown as a
 * {@link C2paVerificationException} whose {@link Failure} says what kind of problem it is.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class C2paReader {

    private final List<X509Certificate> trustAnchors;

    private C2paReader(List<X509Certificate> trustAnchors) {
        this.trustAnchors = List.copyOf(trustAnchors);
    }

    /** A reader that checks the chain's signatures but trusts any root (the caller judges the signer). */
    public static C2paReader create() {
        return new C2paReader(List.of());
    }

    /** A reader that also requires the chain to end at one of {@code anchors} (e.g. {@link DemoPki#root()}). */
    public static C2paReader trusting(Collection<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("Pass at least one trust anchor, or use C2paReader.create()");
        }
        return new C2paReader(List.copyOf(anchors));
    }

    /** Verifies {@code asset} and returns its active manifest. */
    public C2paManifest read(byte[] asset) throws C2paVerificationException {
        return read(asset, true);
    }

    /**
     * The active manifest of {@code asset} if its claim signature and assertion hashes verify, whatever the state of
     * the audio and the trust in the signer: what a report shows next to "the audio was altered". Empty if the file
     * has no readable, correctly signed manifest.
     */
    static java.util.Optional<C2paManifest> describe(byte[] asset) {
        try {
            return Optional.of(create().read(asset, false));
        } catch (C2paVerificationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private C2paManifest read(byte[] asset, boolean checkBinding) throws C2paVerificationException {
        AudioContainer container;
        try {
            container = AudioFormat.detect(asset).container();
        } catch (C2paException e) {
            throw new C2paVerificationException(Failure.MALFORMED, e.getMessage(), e);
        }
        Located located;
        JumbfBox store;
        try {
            located = container.locate(asset).orElseThrow(() -> new C2paVerificationException(
                    Failure.NO_MANIFEST, "The file carries no C2PA manifest store"));
            store = JumbfBox.parse(located.store());
        } catch (C2paFormatException e) {
            throw new C2paVerificationException(Failure.MALFORMED, e.getMessage(), e);
        }
        return manifestOf(store, checkBinding, checkBinding ? asset : null, located);
    }

    /**
     * The active manifest of a manifest store written apart from its file ({@link WavSigningStream#finish}): its
     * claim signature, assertion hashes and (for a trusting reader) its signer are checked; the hard binding is not,
     * since the audio is not at hand.
     */
    public C2paManifest readStore(byte[] manifestStore) throws C2paVerificationException {
        try {
            return manifestOf(JumbfBox.parse(manifestStore), true, null, null);
        } catch (C2paFormatException e) {
            throw new C2paVerificationException(Failure.MALFORMED, e.getMessage(), e);
        }
    }

    /** Checks the active manifest of {@code store}; its hard binding too when {@code asset} is given. */
    private C2paManifest manifestOf(JumbfBox store, boolean checkTrust, byte[] asset, Located located)
            throws C2paVerificationException {
        List<JumbfBox> manifests = store.children().stream()
                .filter(b -> JumbfBox.MANIFEST.equals(b.typeCode())).toList();
        if (!JumbfBox.MANIFEST_STORE.equals(store.typeCode()) || manifests.isEmpty()) {
            throw new C2paVerificationException(Failure.MALFORMED, "The C2PA store holds no manifest");
        }
        StoredManifest active = StoredManifest.of(manifests.get(manifests.size() - 1));
        ClaimSignature.Verified signature = active.verifySignatureAndAssertions();
        if (checkTrust) {
            checkTrust(signature.chain());
        }
        if (asset != null) {
            checkHardBinding(asset, located, active);
        }
        Set<String> redacted = Redactions.check(active, manifests);
        List<C2paManifest.Ingredient> ingredients = new ArrayList<>();
        for (JsonNode ingredient : active.assertionsLabelled(ManifestAssembly.INGREDIENT)) {
            ingredients.add(checkIngredient(ingredient, manifests, redacted));
        }
        return new C2paManifest(active.label(), active.title(), active.claimGenerator(), active.actions(),
                ingredients, signature.chain(), signature.timestamp());
    }

    private void checkTrust(List<X509Certificate> chain) throws C2paVerificationException {
        if (trustAnchors.isEmpty()) {
            return;
        }
        X509Certificate top = chain.get(chain.size() - 1);
        for (X509Certificate anchor : trustAnchors) {
            if (anchor.equals(top)) {
                return;
            }
            if (anchor.getSubjectX500Principal().equals(top.getIssuerX500Principal())) {
                try {
                    top.verify(anchor.getPublicKey());
                    return;
                } catch (GeneralSecurityException e) {
                    // Same name, different key: try the other anchors.
                }
            }
        }
        throw new C2paVerificationException(Failure.UNTRUSTED_SIGNER, "The signer '"
                + chain.get(0).getSubjectX500Principal().getName() + "' does not chain to a trusted root");
    }

    private static void checkHardBinding(byte[] asset, Located located, StoredManifest manifest)
            throws C2paVerificationException {
        List<JsonNode> dataHashes = manifest.assertionsLabelled(ManifestAssembly.DATA_HASH);
        if (dataHashes.size() != 1) {
            throw new C2paVerificationException(Failure.MALFORMED, "Expected one c2pa.hash.data assertion, found " + dataHashes.size());
        }
        JsonNode dataHash = dataHashes.get(0);
        if (!"sha256".equals(dataHash.path("alg").asText("sha256"))) {
            throw new C2paVerificationException(Failure.MALFORMED, "Only sha256 data hashes are supported");
        }
        JsonNode exclusions = dataHash.path("exclusions");
        if (!exclusions.isArray() || exclusions.size() != 1) {
            throw new C2paVerificationException(Failure.HASH_MISMATCH, "The data hash must exclude exactly the manifest store");
        }
        long start = exclusions.get(0).path("start").asLong(-1);
        long length = exclusions.get(0).path("length").asLong(-1);
        // An exclusion anywhere but over the store would leave audio unprotected.
        if (start != located.exclusionStart() || length != located.exclusionLength()) {
            throw new C2paVerificationException(Failure.HASH_MISMATCH, "The data hash excludes [" + start + ", +" + length
                    + "] but the manifest store sits at [" + located.exclusionStart() + ", +" + located.exclusionLength()
                    + "]: the file was restructured after signing");
        }
        byte[] expected = StoredManifest.binary(dataHash.path("hash"));
        if (!MessageDigest.isEqual(expected, C2paWriter.hashOutside(asset, start, length))) {
            throw new C2paVerificationException(Failure.HASH_MISMATCH,
                    "The audio does not match the hash in the manifest: the file was altered after signing");
        }
    }

    private static C2paManifest.Ingredient checkIngredient(JsonNode ingredient, List<JumbfBox> manifests,
            Set<String> redacted) throws C2paVerificationException {
        Optional<String> manifestLabel = Optional.empty();
        JsonNode activeManifest = ingredient.path("activeManifest");
        if (!activeManifest.isMissingNode()) {
            String url = activeManifest.path("url").asText();
            String label = url.substring(url.lastIndexOf('/') + 1);
            JumbfBox box = manifests.stream().filter(m -> label.equals(m.label())).findFirst()
                    .orElseThrow(() -> new C2paVerificationException(Failure.MALFORMED,
                            "The ingredient's manifest " + label + " is not in the store"));
            if (!MessageDigest.isEqual(StoredManifest.binary(activeManifest.path("hash")),
                    ManifestAssembly.sha256(box.hashedPayload()))) {
                throw new C2paVerificationException(Failure.HASH_MISMATCH, ValidationCodes.INGREDIENT_MANIFEST_MISMATCH,
                        "The ingredient's manifest " + label + " was altered", null);
            }
            StoredManifest.of(box).verifySignatureAndAssertions(redacted);
            manifestLabel = Optional.of(label);
        }
        return new C2paManifest.Ingredient(StoredManifest.text(ingredient.path("dc:title")),
                ingredient.path("relationship").asText(""), manifestLabel);
    }

    /** Decodes a CBOR item, reporting undecodable bytes as a malformed manifest. */
    static JsonNode decode(byte[] cbor, String what) throws C2paVerificationException {
        try {
            return Cbor.decode(cbor);
        } catch (IOException e) {
            throw new C2paVerificationException(Failure.MALFORMED, what + " is not valid CBOR", e);
        }
    }
}
