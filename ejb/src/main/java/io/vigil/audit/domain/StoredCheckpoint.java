package io.vigil.audit.domain;

import io.vigil.crypto.audit.AuditFormatException;
import io.vigil.crypto.audit.SignedCheckpoint;
import java.time.Instant;
import java.util.Base64;

/** A row of {@code audit_checkpoint}: the signed note of a tree size and root, and when it was made. */
public record StoredCheckpoint(long size, byte[] root, String note, Instant createdAt) {

    public String rootBase64() {
        return Base64.getEncoder().encodeToString(root);
    }

    /** The note read back; a stored note that no longer parses has been tampered with. */
    public SignedCheckpoint signed() {
        try {
            return SignedCheckpoint.parse(note);
        } catch (AuditFormatException e) {
            throw new IllegalStateException("the stored checkpoint of size " + size + " is not a valid note: " + e.getMessage(), e);
        }
    }
}
