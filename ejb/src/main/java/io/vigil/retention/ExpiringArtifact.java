package io.vigil.retention;

import java.util.Objects;
import java.util.UUID;

/**
 * One artifact a sweep found due: {@code key} orders the contributor's artifacts (and is the cursor to resume
 * after; a UUID's text sorts as PostgreSQL sorts the uuid), {@code type} names what it is (e.g. {@code recording},
 * {@code transcript}), {@code id} identifies it (its SHA-256 goes into the deletion certificate) and
 * {@code sessionId} is its call (null for an artifact of several calls).
 */
public record ExpiringArtifact(String key, String type, String id, UUID sessionId) {

    public ExpiringArtifact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    /** The usual case: an artifact keyed and identified by one UUID. */
    public static ExpiringArtifact of(String type, UUID id, UUID sessionId) {
        return new ExpiringArtifact(id.toString(), type, id.toString(), sessionId);
    }
}
