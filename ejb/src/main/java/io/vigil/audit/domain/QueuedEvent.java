package io.vigil.audit.domain;

import io.vigil.crypto.audit.AuditEntry;
import io.vigil.crypto.audit.AuditOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An event committed to the audit queue and waiting for its place in the log: everything an entry has but its
 * {@code seq}. {@code queueId} orders the queue; the time is when the event was recorded, not when it was sequenced.
 */
public record QueuedEvent(long queueId, UUID tenantId, Instant at, String actor, String action, String objectType,
                          String objectId, String source, AuditOutcome outcome, Map<String, String> details) {

    public QueuedEvent {
        at = at.truncatedTo(ChronoUnit.MICROS);
        details = Map.copyOf(details);
    }

    /** {@code event} as recorded at {@code at}, before the queue has numbered it. */
    public static QueuedEvent of(AuditEvent event, Instant at) {
        TreeMap<String, String> details = new TreeMap<>(event.details());
        if (event.actor().name() != null) {
            details.put(AuditEvent.ACTOR_NAME, event.actor().name());
        }
        return new QueuedEvent(0, event.tenantId(), at, event.actor().id(), event.action(), event.objectType(),
                event.objectId(), event.source(), event.outcome(), details);
    }

    /** The entry this event becomes as leaf {@code seq}. */
    public AuditEntry toEntry(long seq) {
        return AuditEntry.of(seq, at, tenantId, actor, action, objectType, objectId, source, outcome, details);
    }
}
