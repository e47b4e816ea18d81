package io.vigil.crypto.c2pa;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Judges a file the way c2pa-rs does and says so in its words: a validation state ({@code Trusted}: everything
 * verifies and the signer chains to a trust anchor; {@code Valid}: everything verifies but the signer is not
 * trusted; {@code Invalid}: something does not verify, or there is no manifest) and the validation status codes
 * behind it ({@link ValidationCodes}).
 *
 * <p>This is {@link C2paReader}'s verdict, reported as statuses; c2pa-rs remains the reference (the test suites
 * check that both agree on every test file).
 */
public final class C2paValidation {

    /** c2pa-rs's {@code validation_state}. */
    public enum State {
        TRUSTED("Trusted"), VALID("Valid"), INVALID("Invalid");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** As c2pa-rs writes it: {@code Trusted}, {@code Valid}, {@code Invalid}. */
        public String label() {
            return label;
        }
    }

    /** How a status code counts, as in c2pa-rs's {@code validation_results}. */
    public enum Kind { SUCCESS, INFORMATIONAL, FAILURE }

    /** One validation status: its code, its kind and what it means here. */
    public record Status(String code, Kind kind, String explanation) {
    }

    /**
     * The verdict on one file.
     *
     * @param manifest the active manifest when it could be read (also for a file whose audio was altered), so
     *                 the signer and actions can be shown next to the failure
     * @param problem  for {@link State#INVALID}, what is wrong in one sentence
     */
    public record Report(State state, Optional<C2paManifest> manifest, List<Status> statuses, Optional<String> problem) {

        public Report {
            statuses = List.copyOf(statuses);
        }

        public List<String> failureCodes() {
            return statuses.stream().filter(s -> s.kind() == Kind.FAILURE).map(Status::code).toList();
        }

        public List<String> codes() {
            return statuses.stream().map(Status::code).toList();
        }
    }

    private C2paValidation() {
    }

    /** Validates {@code asset} (WAV or MP3) with {@code anchors} as the trust anchors (may be empty). */
    public static Report validate(byte[] asset, Collection<X509Certificate> anchors) {
        C2paReader strict = anchors.isEmpty() ? C2paReader.create() : C2paReader.trusting(anchors);
        try {
            C2paManifest manifest = strict.read(asset);
            boolean trusted = !anchors.isEmpty();
            List<Status> statuses = new ArrayList<>();
            if (trusted) {
                statuses.add(new Status(ValidationCodes.SIGNING_CREDENTIAL_TRUSTED, Kind.SUCCESS,
                        "the signing certificate chains to a trust anchor"));
            }
            statuses.addAll(verifiedStatuses(manifest));
            if (!trusted) {
                statuses.add(new Status(ValidationCodes.SIGNING_CREDENTIAL_UNTRUSTED, Kind.FAILURE,
                        "no trust anchor was given, so the signer is not trusted"));
            }
            return new Report(trusted ? State.TRUSTED : State.VALID, Optional.of(manifest), statuses, Optional.empty());
        } catch (C2paVerificationException e) {
            if (e.failure() == C2paVerificationException.Failure.UNTRUSTED_SIGNER) {
                return untrusted(asset, e);
            }
            return invalid(asset, e);
        }
    }

    private static Report untrusted(byte[] asset, C2paVerificationException untrusted) {
        try {
            C2paManifest manifest = C2paReader.create().read(asset);
            List<Status> statuses = new ArrayList<>(verifiedStatuses(manifest));
            statuses.add(new Status(ValidationCodes.SIGNING_CREDENTIAL_UNTRUSTED, Kind.FAILURE,
                    "the signing certificate does not chain to a trusted root: " + signerName(manifest)));
            return new Report(State.VALID, Optional.of(manifest), statuses, Optional.empty());
        } catch (C2paVerificationException e) {
            return invalid(asset, e);
        }
    }

    private static Report invalid(byte[] asset, C2paVerificationException e) {
        String problem = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
        return new Report(State.INVALID, C2paReader.describe(asset),
                List.of(new Status(e.statusCode(), Kind.FAILURE, problem)), Optional.of(problem));
    }

    private static List<Status> verifiedStatuses(C2paManifest manifest) {
        List<Status> statuses = new ArrayList<>();
        statuses.add(new Status(ValidationCodes.CLAIM_SIGNATURE_INSIDE_VALIDITY, Kind.SUCCESS,
                "the signing certificate was valid when the claim was signed"));
        statuses.add(new Status(ValidationCodes.CLAIM_SIGNATURE_VALIDATED, Kind.SUCCESS,
                "the claim signature verifies with the signing certificate"));
        statuses.add(new Status(ValidationCodes.HASHED_URI_MATCH, Kind.SUCCESS,
                "every assertion the claim lists still has its recorded hash"));
        statuses.add(new Status(ValidationCodes.DATA_HASH_MATCH, Kind.SUCCESS,
                "the audio matches the hash in the manifest"));
        if (manifest.timestamp().isPresent()) {
            statuses.add(new Status(ValidationCodes.TIMESTAMP_VALIDATED, Kind.SUCCESS,
                    "the RFC 3161 timestamp verifies: signed at " + manifest.timestamp().get()));
        }
        for (C2paManifest.Ingredient ingredient : manifest.ingredients()) {
            if (ingredient.manifestLabel().isPresent()) {
                statuses.add(new Status(ValidationCodes.INGREDIENT_MANIFEST_VALIDATED, Kind.SUCCESS,
                        "the ingredient's manifest " + ingredient.manifestLabel().get() + " verifies"));
            }
        }
        statuses.add(new Status(ValidationCodes.SIGNING_CREDENTIAL_OCSP_SKIPPED, Kind.INFORMATIONAL,
                "certificate revocation (OCSP) was not checked"));
        return statuses;
    }

    private static String signerName(C2paManifest manifest) {
        return manifest.signer().getSubjectX500Principal().getName();
    }
}
