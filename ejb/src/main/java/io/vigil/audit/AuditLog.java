package io.vigil.audit;

import io.vigil.audit.domain.AuditAppender;
import io.vigil.audit.domain.AuditQueueRows;
import io.vigil.audit.domain.QueuedEvent;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.audit.domain.AuditRows;
import io.vigil.audit.domain.CheckpointKeys;
import io.vigil.audit.domain.JdbcAuditTreeStore;
import io.vigil.audit.domain.RequestSource;
import io.vigil.audit.domain.StoredCheckpoint;
import io.vigil.crypto.audit.AuditEntry;
import io.vigil.crypto.audit.Checkpoint;
import io.vigil.crypto.audit.CheckpointSchedule;
import io.vigil.crypto.audit.CheckpointSigner;
import io.vigil.crypto.audit.SignedCheckpoint;
import io.vigil.crypto.audit.TreeProofs;
import io.vigil.platform.VigilConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.EJB;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.Session;

/**
 * The one audit log of this node: queues events in the caller's transaction, sequences them into the Merkle log,
 * and signs checkpoints on schedule and on demand. {@link AuditTrail} is its public face.
 *
 * <p>Appends are a group commit: {@link #enqueue} inserts into the audit queue without any lock, so concurrent
 * callers commit in parallel; after a commit the sequencer ({@link AuditSequencer}, one managed thread at a time)
 * moves what is queued into the log in batches. A sequencing transaction takes this node's append turn (a fair
 * semaphore) once, then the database-wide advisory lock ({@link AuditAppender}); both are held until it ends, and
 * the turn is given back only after the outcome is known, so the next batch knows whether the writer's frontier is
 * still the database's (a rollback invalidates it). On several nodes the advisory lock orders the sequencers and
 * each node reopens its writer when another appended.
 *
 * <p>Checkpoints ({@code vigil.audit.checkpoint-entries}, default 1,000, and {@code
 * vigil.audit.checkpoint-seconds}, default 60): a timer looks every 5 s, and an append that crosses the entry count
 * asks for one at once. Signed with the key in the BCFKS keystore {@code vigil.audit.keystore} (password {@code
 * vigil.audit.keystore-password}), created with the key on first start. The origin is {@code vigil.audit.origin}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    private static final String TURN = AuditLog.class.getName() + ".turn";
    private static final String WAKE = AuditLog.class.getName() + ".wake";
    private static final long TURN_WAIT_SECONDS = 30;
    private static final long POLL_MILLIS = 5_000;

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Resource
    private TimerService timers;

    @EJB
    private AuditSequencer sequencer;

    @Resource
    private ManagedExecutorService executor;

    private final AuditAppender appender = new AuditAppender();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Semaphore turn = new Semaphore(1, true);
    private final AtomicBoolean checkpointAsked = new AtomicBoolean();
    private volatile long lastCheckpointSize;
    private volatile CheckpointKeys keys;
    private volatile String keyProblem = "the audit log has not started";
    private String origin;
    private CheckpointSchedule schedule;

    @PostConstruct
    void start() {
        VigilConfig config = VigilConfig.current();
        origin = config.get("vigil.audit.origin").orElse("vigil/audit");
        schedule = new CheckpointSchedule(Long.parseLong(config.get("vigil.audit.checkpoint-entries").orElse("1000")),
                Duration.ofSeconds(Long.parseLong(config.get("vigil.audit.checkpoint-seconds").orElse("60"))));
        Optional<String> keystore = config.get("vigil.audit.keystore");
        Optional<String> password = config.get("vigil.audit.keystore-password");
        if (keystore.isEmpty() || password.isEmpty()) {
            keyProblem = "the settings vigil.audit.keystore and vigil.audit.keystore-password are missing"
                    + " (./vigil writes them into vigil.properties)";
            LOG.severe(() -> "audit checkpoints cannot be signed: " + keyProblem);
        } else {
            try {
                keys = CheckpointKeys.openOrCreate(Path.of(keystore.get()), password.get().toCharArray());
                LOG.info(() -> "audit checkpoints are signed by key " + keys.signer().key().keyIdHex() + " from " + keystore.get());
            } catch (Exception e) {
                keyProblem = "the keystore " + keystore.get() + " cannot be opened: " + e.getMessage();
                LOG.log(Level.SEVERE, "audit checkpoints cannot be signed: " + keyProblem, e);
            }
        }
        timers.createIntervalTimer(POLL_MILLIS, POLL_MILLIS, new TimerConfig("audit checkpoint schedule", false));
    }

    @PreDestroy
    void stop() {
        if (keys != null) {
            try {
                keys.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing the audit keystore failed", e);
            }
        }
    }

    /**
     * Queues {@code events} in the caller's transaction (no lock: concurrent callers commit in parallel) and, once
     * it has committed, wakes the sequencer; a rollback takes the events with it.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(List<AuditEvent> events) {
        String requestSource = RequestSource.current();
        Instant at = Instant.now();
        List<QueuedEvent> queued = events.stream()
                .map(e -> QueuedEvent.of(e.source() == null && requestSource != null ? e.from(requestSource) : e, at))
                .toList();
        withConnection(c -> {
            new AuditQueueRows(c).insert(queued);
            return null;
        });
        if (transactions.getResource(WAKE) == null) {
            transactions.putResource(WAKE, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing: the events are written
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        wake();
                    }
                }
            });
        }
    }

    /**
     * Moves up to {@code max} of the oldest committed queued events into the log, in the caller's (the
     * sequencer's) transaction under the log's lock; returns their entries.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<AuditEntry> sequence(int max) {
        if (!withConnection(c -> new AuditQueueRows(c).anyQueued())) {
            return List.of();
        }
        takeTurn();
        List<AuditEntry> entries = withConnection(c -> appender.appendQueued(c, max));
        if (appender.size() - lastCheckpointSize >= schedule.maxEntries() && checkpointAsked.compareAndSet(false, true)) {
            // created only if this transaction commits, and fires after it
            timers.createSingleActionTimer(1, new TimerConfig("audit checkpoint after " + schedule.maxEntries() + " entries", false));
        }
        return entries;
    }

    /**
     * Has the queue drained on a managed thread, once: wakes while it runs make it go round again, so nothing
     * committed is left waiting.
     */
    void wake() {
        pending.set(true);
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drainLoop);
            } catch (RuntimeException e) {
                draining.set(false);
                LOG.log(Level.WARNING, "the audit sequencer could not be started; the timer drains the queue", e);
            }
        }
    }

    private void drainLoop() {
        try {
            while (pending.getAndSet(false)) {
                sequencer.drain();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sequencing the audit queue failed; the timer tries again", e);
        } finally {
            draining.set(false);
        }
        if (pending.get()) {
            wake();
        }
    }

    /** Signs the current size now, unless the newest checkpoint already has it; empty while the log is empty. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<StoredCheckpoint> checkpointNow() {
        return withConnection(c -> {
            long size = new JdbcAuditTreeStore(c).leafCount();
            Optional<StoredCheckpoint> latest = new AuditRows(c).latestCheckpoint();
            if (size == 0 || latest.isPresent() && latest.get().size() == size) {
                return latest;
            }
            return Optional.of(sign(c, size));
        });
    }

    @Timeout
    void onTimer() {
        checkpointAsked.set(false);
        wake(); // whatever a crash or another node left in the queue
        try {
            withConnection(c -> {
                long size = new JdbcAuditTreeStore(c).leafCount();
                Optional<StoredCheckpoint> latest = new AuditRows(c).latestCheckpoint();
                long lastSize = latest.map(StoredCheckpoint::size).orElse(0L);
                Instant lastAt = latest.map(StoredCheckpoint::createdAt).orElse(null);
                if (keys != null && schedule.isDue(size, lastSize, lastAt, Instant.now())) {
                    sign(c, size);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the scheduled audit checkpoint failed; the next timer tries again", e);
        }
    }

    /** The key that signs checkpoints; an {@link IllegalStateException} that says what to set if there is none. */
    public CheckpointSigner signer() {
        CheckpointKeys current = keys;
        if (current == null) {
            throw new IllegalStateException("Audit checkpoints cannot be signed: " + keyProblem
                    + ". Fix the settings and restart Vigil.");
        }
        return current.signer();
    }

    private StoredCheckpoint sign(Connection c, long size) {
        byte[] root = TreeProofs.over(new JdbcAuditTreeStore(c)).root(size);
        SignedCheckpoint signed;
        try {
            signed = SignedCheckpoint.sign(new Checkpoint(origin, size, root), signer());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing the audit checkpoint of size " + size + " failed: " + e.getMessage(), e);
        }
        AuditRows rows = new AuditRows(c);
        rows.insert(signed);
        lastCheckpointSize = size;
        return rows.latestCheckpoint().orElseThrow();
    }

    /** This node's append turn, once per transaction, given back when the transaction has ended. */
    private void takeTurn() {
        if (transactions.getResource(TURN) != null) {
            return;
        }
        try {
            if (!turn.tryAcquire(TURN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The audit log stayed busy for " + TURN_WAIT_SECONDS
                        + " s (a long transaction holds its append lock); the action was not recorded and is rolled back. Try again.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the audit log", e);
        }
        try {
            transactions.putResource(TURN, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // the entries are written already; nothing to add before commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        appender.invalidate();
                    }
                    turn.release();
                }
            });
        } catch (RuntimeException e) {
            turn.release();
            throw e;
        }
    }

    private <T> T withConnection(Function<Connection, T> work) {
        return em.unwrap(Session.class).doReturningWork(work::apply);
    }
}
