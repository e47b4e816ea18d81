package io.vigil.audit;

import io.vigil.platform.NativeRows;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.audit.domain.AuditExportWriter;
import io.vigil.audit.domain.AuditLogQuery;
import io.vigil.audit.domain.AuditLogReader;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.audit.domain.AuditRows;
import io.vigil.audit.domain.AuditSelfCheck;
import io.vigil.audit.domain.EntryProof;
import io.vigil.audit.domain.JdbcAuditTreeStore;
import io.vigil.audit.domain.StoredCheckpoint;
import io.vigil.audit.domain.StoredEntry;
import io.vigil.crypto.audit.CheckpointKey;
import io.vigil.crypto.audit.ConsistencyProof;
import io.vigil.crypto.audit.TreeProofs;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * The audit trail: what every capability calls to record a security-relevant event, and what the console and the
 * API read (checkpoints, proofs, the tenant's entries, exports). See docs/audit.md.
 *
 * <ul>
 *   <li>{@link #record} and {@link #recordAll} queue in the caller's transaction: the event exists exactly when the
 *       action it records committed, and takes no lock, so busy callers do not wait for each other. The sequencer
 *       gives it its place in the log (seq, leaf, proofs) within milliseconds of the commit (group commit, see
 *       {@link AuditLog}).
 *   <li>{@link #recordFailure} queues in a transaction of its own, for refused and failed actions whose own
 *       transaction is about to roll back: a rollback cannot erase it.
 * </ul>
 * Every read first sequences whatever is committed in the queue ({@link #flush}), so a reader sees every action
 * that committed before it asked. Reads take the tenant first and return only its entries; checkpoints and
 * consistency proofs are about the whole log (hashes only) and are the same for every tenant.
 */
@Stateless
public class AuditTrail {

    @EJB
    private AuditLog log;

    @EJB
    private AuditSequencer sequencer;

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    /** Records {@code event} in the caller's transaction. */
    public void record(AuditEvent event) {
        log.enqueue(List.of(event));
    }

    /** Records several events, in this order, in the caller's transaction. */
    public void recordAll(List<AuditEvent> events) {
        if (!events.isEmpty()) {
            log.enqueue(events);
        }
    }

    /** Records a refused or failed action in its own transaction, which commits whatever the caller's does. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(AuditEvent event) {
        log.enqueue(List.of(event));
    }

    /**
     * Gives every committed queued event its place in the log now, instead of within the next milliseconds; the
     * reads below do this first. Returns how many it appended (others may have been sequenced meanwhile).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long flush() {
        return sequencer.drain();
    }

    /** Signs a checkpoint of everything committed now (or returns the newest if it already covers it). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<StoredCheckpoint> checkpointNow() {
        flush();
        return log.checkpointNow();
    }

    public Optional<StoredCheckpoint> latestCheckpoint() {
        flush();
        return withConnection(c -> new AuditRows(c).latestCheckpoint());
    }

    /** The key that verifies checkpoints, for auditors (as PEM: {@code key().toPem()}). */
    public CheckpointKey key() {
        return log.signer().key();
    }

    /** The number of committed entries. */
    public long size() {
        flush();
        return withConnection(c -> new JdbcAuditTreeStore(c).leafCount());
    }

    /**
     * Entry {@code seq} with its inclusion proof in the tree of {@code treeSize} entries, if the entry is the
     * tenant's; empty for another tenant's or a platform entry, as for one that does not exist.
     */
    public Optional<EntryProof> inclusion(TenantId tenant, long seq, long treeSize) {
        flush();
        return withConnection(c -> new AuditRows(c).entry(seq)
                .filter(e -> tenant.value().equals(e.entry().tenantId()))
                .map(e -> new EntryProof(e, TreeProofs.over(new JdbcAuditTreeStore(c)).inclusion(seq, treeSize))));
    }

    /** The consistency proof between two tree sizes; {@link IllegalArgumentException} when they are not stored. */
    public ConsistencyProof consistency(long firstSize, long secondSize) {
        return withConnection(c -> TreeProofs.over(new JdbcAuditTreeStore(c)).consistency(firstSize, secondSize));
    }

    public long count(TenantId tenant, AuditLogQuery query) {
        flush();
        return reader().count(tenant.value(), query);
    }

    /** The query's page of the tenant's entries, newest first. */
    public List<AuditRecord> page(TenantId tenant, AuditLogQuery query) {
        flush();
        return reader().page(tenant.value(), query);
    }

    /** Writes the tenant export (entries, inclusion proofs, checkpoint, key) against {@code checkpoint}. */
    public long exportTenant(TenantId tenant, StoredCheckpoint checkpoint, OutputStream zip) {
        return withConnection(c -> {
            try {
                return AuditExportWriter.writeTenantZip(new AuditRows(c), TreeProofs.over(new JdbcAuditTreeStore(c)),
                        checkpoint, key(), tenant.value(), zip);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes {@code entries.jsonl} of the full log up to {@code treeSize} (the operator's export). */
    public long exportAllEntries(long treeSize, OutputStream entries) {
        return withConnection(c -> {
            try {
                return AuditExportWriter.writeEntries(new AuditRows(c), null, treeSize, entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code checkpoints.txt} of a full export: every checkpoint up to {@code treeSize}. */
    public String checkpointsFile(long treeSize) {
        return withConnection(c -> AuditExportWriter.checkpointsFile(new AuditRows(c), treeSize));
    }

    /**
     * Checks the newest checkpoint against the stored tree, its consistency with the previous one, and the
     * inclusion of one of the tenant's entries picked at random; empty while nothing is signed.
     */
    public Optional<AuditSelfCheck.Result> verifyLatest(TenantId tenant) {
        flush();
        CheckpointKey key = key();
        return withConnection(c -> {
            List<StoredCheckpoint> newest = new AuditRows(c).latestCheckpoints(2);
            if (newest.isEmpty()) {
                return Optional.empty();
            }
            StoredCheckpoint latest = newest.get(0);
            StoredEntry sample = sample(c, tenant, latest.size()).flatMap(seq -> new AuditRows(c).entry(seq)).orElse(null);
            return Optional.of(AuditSelfCheck.run(new JdbcAuditTreeStore(c), key, latest,
                    newest.size() > 1 ? newest.get(1) : null, sample));
        });
    }

    private static Optional<Long> sample(Connection c, TenantId tenant, long size) {
        long from = ThreadLocalRandom.current().nextLong(Math.max(1, size));
        String after = "SELECT seq FROM audit_entry WHERE tenant_id = ? AND seq >= ? AND seq < ? ORDER BY seq LIMIT 1";
        String before = "SELECT seq FROM audit_entry WHERE tenant_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1";
        try (PreparedStatement s = c.prepareStatement(after)) {
            s.setObject(1, tenant.value());
            s.setLong(2, from);
            s.setLong(3, size);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return Optional.of(r.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot pick an audit entry to check: " + e.getMessage(), e);
        }
        try (PreparedStatement s = c.prepareStatement(before)) {
            s.setObject(1, tenant.value());
            s.setLong(2, Math.min(from, size));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot pick an audit entry to check: " + e.getMessage(), e);
        }
    }

    private <T> T withConnection(Function<Connection, T> work) {
        return em.unwrap(Session.class).doReturningWork(work::apply);
    }

    private AuditLogReader reader() {
        return new AuditLogReader(this::nativeRows);
    }

    private List<Object[]> nativeRows(String sql, List<Object> parameters) {
        return NativeRows.query(em, sql, parameters);
    }
}
