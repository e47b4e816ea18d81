package io.vigil.audit;

import io.vigil.crypto.audit.AuditEntry;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;

/** Moves committed queued events into the audit log, one transaction per batch (see {@link AuditLog}). */
@Stateless
public class AuditSequencer {

    /** Events per sequencing transaction: large enough to amortise the commit, small enough to keep locks short. */
    static final int BATCH = 2_000;

    @EJB
    private AuditLog log;

    @EJB
    private AuditSequencer self;

    /** Sequences until the queue is empty as seen at the end; returns how many events it appended. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long drain() {
        long appended = 0;
        int batch;
        do {
            batch = self.sequenceBatch().size();
            appended += batch;
        } while (batch == BATCH);
        return appended;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<AuditEntry> sequenceBatch() {
        return log.sequence(BATCH);
    }
}
