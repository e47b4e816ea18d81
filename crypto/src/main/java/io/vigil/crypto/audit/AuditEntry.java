package io.vigil.crypto.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One security-relevant event: a leaf of the audit log. Its {@link #canonicalBytes() canonical encoding} is what
 * the Merkle tree hashes, so every field is part of what the checkpoints sign.
 *
 * <p>Invariants, checked here so that an entry that exists can always be encoded and read back unchanged:
 * {@code seq} is the entry's leaf index (0, 1, 2, ... without gaps); {@code at} is kept to the microsecond (what
 * PostgreSQL's {@code timestamptz} stores; finer digits are dropped) and lies in the years 1 to 9999;
 * {@code tenantId} is null for platform events; {@code actor} and {@code action} are non-empty; the optional
 * object type, object id and source address are null when absent, never empty; {@code details} maps strings to
 * strings and is kept sorted. No string may contain an unpaired UTF-16 surrogate (it has no UTF-8 encoding) or
 * U+0000 (PostgreSQL's text and jsonb refuse it).
 */
public record AuditEntry(
        long seq,
        Instant at,
        UUID tenantId,
        String actor,
        String action,
        String objectType,
        String objectId,
        String source,
        AuditOutcome outcome,
        SortedMap<String, String> details) {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public AuditEntry {
        if (seq < 0) {
            throw new IllegalArgumentException("seq is the leaf index and starts at 0, got " + seq);
        }
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MICROS);
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new IllegalArgumentException("Audit time " + at.atOffset(ZoneOffset.UTC) + " is outside the years 1 to 9999");
        }
        actor = required("actor", actor);
        action = required("action", action);
        objectType = optional("objectType", objectType);
        objectId = optional("objectId", objectId);
        source = optional("source", source);
        Objects.requireNonNull(outcome, "outcome");
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> detail : Objects.requireNonNull(details, "details").entrySet()) {
            String key = required("details key", detail.getKey());
            if (detail.getValue() == null) {
                throw new IllegalArgumentException("Audit detail '" + key + "' has no value; leave the key out instead");
            }
            sorted.put(key, encodable("details['" + key + "']", detail.getValue()));
        }
        details = Collections.unmodifiableSortedMap(sorted);
    }

    /** An entry with details given as any map (copied and sorted). */
    public static AuditEntry of(long seq, Instant at, UUID tenantId, String actor, String action, String objectType,
                                String objectId, String source, AuditOutcome outcome, Map<String, String> details) {
        return new AuditEntry(seq, at, tenantId, actor, action, objectType, objectId, source, outcome, new TreeMap<>(details));
    }

    /** The same event under another leaf index: the writer numbers entries as it appends them. */
    public AuditEntry withSeq(long newSeq) {
        return new AuditEntry(newSeq, at, tenantId, actor, action, objectType, objectId, source, outcome, details);
    }

    /** The bytes that are hashed into the leaf: canonical JSON, see {@link CanonicalJson}. */
    public byte[] canonicalBytes() {
        return CanonicalJson.encode(this);
    }

    private static String required(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Audit " + field + " must not be empty");
        }
        return encodable(field, value);
    }

    private static String optional(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Audit " + field + " must be null when absent, not empty");
        }
        return encodable(field, value);
    }

    private static String encodable(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (c == 0) {
                throw new IllegalArgumentException("Audit " + field + " holds a NUL character, which PostgreSQL text and jsonb cannot store");
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("Audit " + field + " holds an unpaired UTF-16 surrogate at position " + i
                        + "; it cannot be encoded as UTF-8");
            }
        }
        return value;
    }
}
