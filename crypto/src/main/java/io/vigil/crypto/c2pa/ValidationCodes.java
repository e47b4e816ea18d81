package io.vigil.crypto.c2pa;

/**
 * The C2PA validation status codes Vigil reports, spelled as c2pa-rs (and the C2PA specification) spell them, so a
 * report from Vigil's reader and one from c2pa-rs can be compared code by code.
 */
public final class ValidationCodes {

    public static final String SIGNING_CREDENTIAL_TRUSTED = "signingCredential.trusted";
    public static final String SIGNING_CREDENTIAL_UNTRUSTED = "signingCredential.untrusted";
    public static final String SIGNING_CREDENTIAL_INVALID = "signingCredential.invalid";
    public static final String SIGNING_CREDENTIAL_OCSP_SKIPPED = "signingCredential.ocsp.skipped";
    public static final String CLAIM_SIGNATURE_VALIDATED = "claimSignature.validated";
    public static final String CLAIM_SIGNATURE_INSIDE_VALIDITY = "claimSignature.insideValidity";
    public static final String CLAIM_SIGNATURE_MISMATCH = "claimSignature.mismatch";
    public static final String HASHED_URI_MATCH = "assertion.hashedURI.match";
    public static final String HASHED_URI_MISMATCH = "assertion.hashedURI.mismatch";
    public static final String ASSERTION_MISSING = "assertion.missing";
    public static final String DATA_HASH_MATCH = "assertion.dataHash.match";
    public static final String DATA_HASH_MISMATCH = "assertion.dataHash.mismatch";
    public static final String TIMESTAMP_VALIDATED = "timeStamp.validated";
    public static final String TIMESTAMP_MISMATCH = "timeStamp.mismatch";
    public static final String INGREDIENT_MANIFEST_VALIDATED = "ingredient.manifest.validated";
    public static final String INGREDIENT_MANIFEST_MISMATCH = "ingredient.manifest.mismatch";
    public static final String ASSERTION_SELF_REDACTED = "assertion.selfRedacted";
    public static final String ASSERTION_NOT_REDACTED = "assertion.notRedacted";
    public static final String ACTION_REDACTED = "assertion.action.redacted";
    public static final String ACTION_REDACTION_MISMATCH = "assertion.action.redactionMismatch";
    public static final String HARD_BINDING_REDACTED = "assertion.hardBinding.redacted";
    public static final String CLAIM_MISSING = "claim.missing";
    public static final String CLAIM_MALFORMED = "claim.malformed";

    private ValidationCodes() {
    }
}
