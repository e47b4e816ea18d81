package io.vigil.retention.application;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a sweep to its end, one batch per transaction ({@link SweepBatch}); nothing is kept in memory between
 * batches, so a sweep stopped by a crash or a redeploy stays RUNNING and continues where it stopped
 * ({@link RetentionStartup}).
 */
@Stateless
public class SweepWorker {

    private static final Logger LOG = Logger.getLogger(SweepWorker.class.getName());

    @EJB
    private SweepBatch batch;

    @EJB
    private SweepFinisher finisher;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void runInBackground(UUID sweep) {
        run(sweep);
    }

    /** Runs the sweep in the caller's thread; true if it completed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean run(UUID sweep) {
        try {
            while (batch.next(sweep)) {
                // each call commits one batch
            }
            finisher.finish(sweep);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention sweep " + sweep + " failed", e);
            finisher.fail(sweep, rootMessage(e));
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof jakarta.ejb.EJBException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
