package io.vigil.crypto.c2pa;

/**
 * A file's C2PA provenance does not verify. {@link #failure()} says how, so callers can tell a file that
 * never had a manifest from one that was tampered with.
 */
public final class C2paVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why verification failed. */
    public enum Failure {
        /** The file carries no C2PA manifest store. */
        NO_MANIFEST,
        /** The file or its manifest store does not parse. */
        MALFORMED,
        /** The audio bytes (or an assertion) no longer match the hashes the claim recorded: content tampering. */
        HASH_MISMATCH,
        /** The claim signature, its certificate chain or its timestamp does not verify. */
        SIGNATURE_INVALID,
        /** The signature verifies but the chain does not end in one of the caller's trust anchors. */
        UNTRUSTED_SIGNER,
        /**
         * The claim declares a redaction C2PA does not allow (of its own assertion, of actions or a hard binding), or
         * one that did not happen (the assertion is still there, or never was).
         */
        REDACTION_INVALID
    }

    private final Failure failure;
    private final String statusCode;

    public C2paVerificationException(Failure failure, String message) {
        this(failure, defaultStatusCode(failure), message, null);
    }

    public C2paVerificationException(Failure failure, String message, Throwable cause) {
        this(failure, defaultStatusCode(failure), message, cause);
    }

    /** With the C2PA validation status code (c2pa-rs's vocabulary) that names this problem precisely. */
    public C2paVerificationException(Failure failure, String statusCode, String message, Throwable cause) {
        super(failure + ": " + message, cause);
        this.failure = failure;
        this.statusCode = statusCode;
    }

    public Failure failure() {
        return failure;
    }

    /**
     * The C2PA validation status code of this problem as c2pa-rs reports it, e.g. {@code assertion.dataHash.mismatch},
     * {@code assertion.hashedURI.mismatch}, {@code claimSignature.mismatch}, {@code signingCredential.untrusted}.
     */
    public String statusCode() {
        return statusCode;
    }

    private static String defaultStatusCode(Failure failure) {
        return switch (failure) {
            case NO_MANIFEST -> ValidationCodes.CLAIM_MISSING;
            case MALFORMED -> ValidationCodes.CLAIM_MALFORMED;
            case HASH_MISMATCH -> ValidationCodes.DATA_HASH_MISMATCH;
            case SIGNATURE_INVALID -> ValidationCodes.CLAIM_SIGNATURE_MISMATCH;
            case UNTRUSTED_SIGNER -> ValidationCodes.SIGNING_CREDENTIAL_UNTRUSTED;
            case REDACTION_INVALID -> ValidationCodes.ASSERTION_NOT_REDACTED;
        };
    }
}
