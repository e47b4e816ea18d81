package io.vigil.audit.domain;

import java.time.Instant;

/** One row of the console's audit table: an entry as people read it. */
public record AuditRecord(long seq, Instant at, String actor, String actorName, String action, String objectType,
                          String objectId, String source, String outcome, String details) {

    /** The person's name when known, else the actor id. */
    public String who() {
        return actorName != null ? actorName + " (" + actor + ")" : actor;
    }
}
