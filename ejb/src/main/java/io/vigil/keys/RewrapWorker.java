package io.vigil.keys;

import io.vigil.tenancy.TenantId;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a rewrap job in the background, one batch per transaction ({@link RewrapBatch}), so progress is visible while
 * it runs and a stop (crash, redeploy) loses at most one batch: the job stays RUNNING and {@link RewrapResumer}
 * continues it at the next start. Nothing is held in memory between batches, which is what makes it resumable.
 */
@Stateless
public class RewrapWorker {

    private static final Logger LOG = Logger.getLogger(RewrapWorker.class.getName());

    @EJB
    private RewrapBatch batch;

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(UUID job) {
        try {
            while (batch.next(job)) {
                // each call commits one batch
            }
            batch.finish(job);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rewrap job " + job + " failed", e);
            batch.fail(job, rootMessage(e));
        }
    }

    /** Marks the tenant's failed jobs running again and returns them, for {@link KeyRotation#resumeFailed}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<UUID> reopenFailed(TenantId tenant) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("UPDATE rewrap_job SET state = 'RUNNING', last_error = NULL,"
                        + " updated_at = now() WHERE tenant_id = ?1 AND state = 'FAILED' RETURNING id")
                .setParameter(1, tenant.value()).getResultList();
        return ids.stream().map(Rows::uuid).toList();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof jakarta.ejb.EJBException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
