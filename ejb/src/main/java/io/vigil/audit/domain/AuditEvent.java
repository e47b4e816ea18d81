package io.vigil.audit.domain;

import io.vigil.crypto.audit.AuditEntry;
import io.vigil.crypto.audit.AuditOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Something to record in the audit log, before it has a place in it: who ({@link AuditActor}), in which tenant
 * (null for platform events such as a refused anonymous API call), what ({@code action}, e.g. {@code call.view}),
 * on which object (type and id, both optional), from where (the client address, filled from the request when
 * null), the outcome, and details (string to string). The log gives it its {@code seq} and time when it appends
 * it ({@link #toEntry}).
 */
public record AuditEvent(UUID tenantId, AuditActor actor, String action, String objectType, String objectId,
                         String source, AuditOutcome outcome, Map<String, String> details) {

    /** The detail key that keeps a person's display name beside their stable id. */
    public static final String ACTOR_NAME = "actor_name";

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(outcome, "outcome");
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an action");
        }
        objectType = AuditText.clean(objectType);
        objectId = AuditText.clean(objectId);
        source = AuditText.clean(source);
        TreeMap<String, String> copy = new TreeMap<>();
        if (details != null) {
            details.forEach((k, v) -> {
                String key = AuditText.clean(k);
                String value = AuditText.clean(v);
                if (key != null && value != null) {
                    copy.put(key, value);
                }
            });
        }
        details = Map.copyOf(copy);
    }

    /** The same event from another address (the request's, when the event names none). */
    public AuditEvent from(String address) {
        return new AuditEvent(tenantId, actor, action, objectType, objectId, address, outcome, details);
    }

    /** The entry this event becomes as leaf {@code seq}, appended at {@code at}. */
    public AuditEntry toEntry(long seq, Instant at) {
        TreeMap<String, String> all = new TreeMap<>(details);
        if (actor.name() != null) {
            all.put(ACTOR_NAME, actor.name());
        }
        return AuditEntry.of(seq, at, tenantId, actor.id(), action, objectType, objectId, source, outcome, all);
    }
}
