package io.vigil.crypto.c2pa;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Assembles one C2PA manifest store around one new (active) manifest.
 *
 * <pre>
 * c2pa  "c2pa"                          manifest store
 *   c2ma  "urn:c2pa:&lt;uuid&gt;"  ...           ingredient manifests copied verbatim (redacted exports)
 *   c2ma  "urn:c2pa:&lt;uuid&gt;"              the active manifest, always last
 *     c2as  "c2pa.assertions"
 *       cbor  "c2pa.actions.v2" ...          the caller's assertions, then
 *       cbor  "c2pa.hash.data"               { exclusions: [{start, length}], name, alg: "sha256", hash, pad: h'' }
 *     c2cl  "c2pa.claim.v2"    cbor { instanceID, claim_generator_info, signature, created_assertions,
 *                                     [redacted_assertions,] dc:title, alg }
 *     c2cs  "c2pa.signature"   cbor COSE_Sign1 ({@link ClaimSignature})
 * </pre>
 *
 * <p>{@code created_assertions} lists each assertion as a hashed URI {@code {url, hash}}: the absolute JUMBF
 * URI {@code self#jumbf=/c2pa/<manifest>/c2pa.assertions/<label>} and the SHA-256 of that box's payload.
 * Every hash has a fixed length, so the store's length depends only on the exclusion numbers and the
 * reserved signature size: the writer can lay the file out before it knows the hashes.
 */
final class ManifestAssembly {

    static final String DATA_HASH = "c2pa.hash.data";
    static final String ACTIONS = "c2pa.actions.v2";
    static final String INGREDIENT = "c2pa.ingredient.v3";
    static final String ASSERTIONS_LABEL = "c2pa.assertions";
    static final String CLAIM_LABEL = "c2pa.claim.v2";
    static final String SIGNATURE_LABEL = "c2pa.signature";

    /** One CBOR assertion: its label and its content. */
    record Assertion(String label, Object content) {
        JumbfBox box() {
            return JumbfBox.superBox(JumbfBox.CBOR_ASSERTION, label, List.of(JumbfBox.cborContent(Cbor.encode(content))));
        }
    }

    private final String label;
    private final String instanceId = "xmp:iid:" + UUID.randomUUID();
    private final List<JumbfBox> ingredientManifests;
    private final List<Assertion> assertions;
    private final List<String> redactedAssertions;
    private final ClaimGenerator generator;
    private final String title;

    ManifestAssembly(List<JumbfBox> ingredientManifests, List<Assertion> assertions, ClaimGenerator generator, String title) {
        this(newLabel(), ingredientManifests, assertions, List.of(), generator, title);
    }

    /**
     * A manifest labelled {@code label} whose claim lists {@code redactedAssertions} (absolute JUMBF URIs of assertions
     * removed from the ingredient manifests) in {@code redacted_assertions}.
     */
    ManifestAssembly(String label, List<JumbfBox> ingredientManifests, List<Assertion> assertions,
            List<String> redactedAssertions, ClaimGenerator generator, String title) {
        this.label = label;
        this.ingredientManifests = List.copyOf(ingredientManifests);
        this.assertions = List.copyOf(assertions);
        this.redactedAssertions = List.copyOf(redactedAssertions);
        this.generator = generator;
        this.title = title;
    }

    static String newLabel() {
        return "urn:c2pa:" + UUID.randomUUID();
    }

    String label() {
        return label;
    }

    /** The claim that {@link #store} will carry for the same arguments: the bytes to sign. */
    byte[] claim(long exclusionStart, long exclusionLength, byte[] assetHash) {
        return claimBytes(assertionBoxes(exclusionStart, exclusionLength, assetHash));
    }

    /** The whole manifest store, with {@code signature} as the content of the signature box. */
    byte[] store(long exclusionStart, long exclusionLength, byte[] assetHash, byte[] signature) {
        List<JumbfBox> assertionBoxes = assertionBoxes(exclusionStart, exclusionLength, assetHash);
        JumbfBox manifest = JumbfBox.superBox(JumbfBox.MANIFEST, label, List.of(
                JumbfBox.superBox(JumbfBox.ASSERTION_STORE, ASSERTIONS_LABEL, assertionBoxes),
                JumbfBox.superBox(JumbfBox.CLAIM, CLAIM_LABEL, List.of(JumbfBox.cborContent(claimBytes(assertionBoxes)))),
                JumbfBox.superBox(JumbfBox.SIGNATURE, SIGNATURE_LABEL, List.of(JumbfBox.cborContent(signature)))));
        List<JumbfBox> manifests = new ArrayList<>(ingredientManifests);
        manifests.add(manifest);
        return JumbfBox.superBox(JumbfBox.MANIFEST_STORE, "c2pa", manifests).encoded();
    }

    private List<JumbfBox> assertionBoxes(long exclusionStart, long exclusionLength, byte[] assetHash) {
        Map<Object, Object> exclusion = new LinkedHashMap<>();
        exclusion.put("start", exclusionStart);
        exclusion.put("length", exclusionLength);
        Map<Object, Object> dataHash = new LinkedHashMap<>();
        dataHash.put("exclusions", List.of(exclusion));
        dataHash.put("name", "jumbf manifest");
        dataHash.put("alg", "sha256");
        dataHash.put("hash", assetHash);
        dataHash.put("pad", new byte[0]);
        List<JumbfBox> boxes = new ArrayList<>();
        for (Assertion assertion : assertions) {
            boxes.add(assertion.box());
        }
        boxes.add(new Assertion(DATA_HASH, dataHash).box());
        return boxes;
    }

    private byte[] claimBytes(List<JumbfBox> assertionBoxes) {
        List<Object> created = new ArrayList<>();
        for (JumbfBox box : assertionBoxes) {
            created.add(hashedUri(assertionUri(label, box.label()), box));
        }
        Map<Object, Object> claim = new LinkedHashMap<>();
        claim.put("instanceID", instanceId);
        claim.put("claim_generator_info", generator.toCbor());
        claim.put("signature", "self#jumbf=/c2pa/" + label + "/" + SIGNATURE_LABEL);
        claim.put("created_assertions", created);
        if (!redactedAssertions.isEmpty()) {
            claim.put("redacted_assertions", redactedAssertions);
        }
        claim.put("dc:title", title);
        claim.put("alg", "sha256");
        return Cbor.encode(claim);
    }

    static String assertionUri(String manifestLabel, String assertionLabel) {
        return "self#jumbf=/c2pa/" + manifestLabel + "/" + ASSERTIONS_LABEL + "/" + assertionLabel;
    }

    /** A C2PA hashed URI {@code {url, hash}} to {@code box}. */
    static Map<Object, Object> hashedUri(String url, JumbfBox box) {
        Map<Object, Object> uri = new LinkedHashMap<>();
        uri.put("url", url);
        uri.put("hash", sha256(box.hashedPayload()));
        return uri;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
