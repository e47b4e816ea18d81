package io.vigil.audit.domain;

import io.vigil.crypto.audit.AuditEntry;
import io.vigil.crypto.audit.AuditLogWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends events to the log in the caller's transaction, in one total order across every Vigil node:
 *
 * <ol>
 *   <li>{@code pg_advisory_xact_lock} on the log's key: one appender at a time in the whole database, held to the
 *       end of the transaction, so seq numbers are assigned without gaps in commit order;
 *   <li>the writer's frontier is reused only if this node made the last committed append: if the committed size
 *       differs from the writer's (another node appended, or a transaction of ours rolled back) or the
 *       writer was {@link #invalidate() invalidated}, it is reopened from the stored tree
 *       ({@code AuditLogWriter.open}, log2(n) nodes in one query);
 *   <li>each queued event becomes the next entry, the writer hashes it and the store queues the entry row and the
 *       completed nodes; one flush sends them as two JDBC batches.
 * </ol>
 *
 * The events come from the audit queue ({@link AuditQueueRows}), many callers' at once: one lock, two batches and one
 * commit for all of them (the group commit). Callers serialise calls on one node (the writer is shared) and
 * {@link #invalidate} after a transaction that appended did not commit.
 */
public final class AuditAppender {

    /** The advisory lock key of the audit log ("VIGLAUDT"). */
    public static final long LOCK_KEY = 0x5649_474C_4155_4454L;

    private final JdbcAuditTreeStore store = new JdbcAuditTreeStore();
    private AuditLogWriter writer;
    private boolean stale = true;

    /**
     * Takes the log's lock on {@code connection} (inside its transaction), then up to {@code max} of the oldest queued
     * events, appends them in queue order, removes them from the queue and returns their entries.
     */
    public synchronized List<AuditEntry> appendQueued(Connection connection, int max) {
        store.bind(connection);
        try {
            lock(connection);
            long committed = store.leafCount();
            if (stale || writer == null || writer.size() != committed) {
                writer = AuditLogWriter.open(store);
                stale = false;
            }
            AuditQueueRows queue = new AuditQueueRows(connection);
            List<QueuedEvent> events = queue.oldest(max);
            List<AuditEntry> appended = new ArrayList<>(events.size());
            for (QueuedEvent event : events) {
                AuditEntry entry = event.toEntry(writer.size());
                store.stage(entry);
                writer.append(entry);
                appended.add(entry);
            }
            store.flush();
            if (!events.isEmpty()) {
                queue.remove(events);
            }
            return appended;
        } catch (RuntimeException e) {
            stale = true;
            throw e;
        } finally {
            store.unbind();
        }
    }

    /** The writer no longer matches the database (a transaction that appended rolled back): reopen next time. */
    public synchronized void invalidate() {
        stale = true;
    }

    /** The size after this node's last append (entries of a transaction that has not committed included). */
    public synchronized long size() {
        return writer == null ? 0 : writer.size();
    }

    private static void lock(Connection connection) {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, LOCK_KEY);
            s.execute();
        } catch (SQLException e) {
            throw new AuditStorageException("cannot take the audit log's append lock", e);
        }
    }
}
