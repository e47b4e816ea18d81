package io.vigil.retention.domain;

/** What happens to an artifact when its retention period is over. */
public enum RetentionAction {
    /** Destroy the data key: the ciphertext stays but can never be read again (backups included). */
    CRYPTO_SHRED("Crypto-shred"),
    /** Remove the rows and blobs (encrypted ones are shredded first, so copies in backups are unreadable too). */
    DELETE("Delete"),
    /** Keep the call's shape for statistics, remove what identifies or describes the caller. */
    ANONYMISE("Anonymise metadata");

    private final String label;

    RetentionAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
