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
        UNTRUSTED_SIGNER
    }

    private final Failure failure;

    public C2paVerificationException(Failure failure, String message) {
        super(failure + ": " + message);
        this.failure = failure;
    }

    public C2paVerificationException(Failure failure, String message, Throwable cause) {
        super(failure + ": " + message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
