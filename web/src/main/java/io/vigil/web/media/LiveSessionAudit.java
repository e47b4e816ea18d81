package io.vigil.web.media;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Logger;

/** Audits the doors' admissions and refusals; refusals in their own transaction, as every failure is. */
final class LiveSessionAudit {

    private static final Logger LOG = Logger.getLogger(LiveSessionAudit.class.getName());

    private LiveSessionAudit() {
    }

    static void record(AuditEvent event) {
        try {
            AuditTrail trail = CDI.current().select(AuditTrail.class).get();
            if (event.outcome() == AuditOutcome.SUCCESS) {
                trail.record(event);
            } else {
                trail.recordFailure(event);
            }
        } catch (RuntimeException e) {
            // the session's own row and events are stored regardless; the audit trail reports its own failures
            LOG.warning("could not audit a live session event: " + e.getMessage());
        }
    }
}
