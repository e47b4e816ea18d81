package io.vigil.audit.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.crypto.audit.AuditOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The audit_queue table (V10): callers insert, the sequencer takes the oldest committed rows and removes them. */
public final class AuditQueueRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() { };
    private static final String INSERT = "INSERT INTO audit_queue (tenant_id, at, actor, action, object_type, object_id,"
            + " source, outcome, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)";
    private static final String OLDEST = "SELECT id, tenant_id, at, actor, action, object_type, object_id, source, outcome,"
            + " details::text FROM audit_queue ORDER BY id LIMIT ? FOR UPDATE";

    private final Connection connection;

    public AuditQueueRows(Connection connection) {
        this.connection = connection;
    }

    /** Queues {@code events} in the connection's transaction (one JDBC batch). */
    public void insert(List<QueuedEvent> events) {
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            for (QueuedEvent e : events) {
                s.setObject(1, e.tenantId());
                s.setObject(2, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                s.setString(3, e.actor());
                s.setString(4, e.action());
                s.setString(5, e.objectType());
                s.setString(6, e.objectId());
                s.setString(7, e.source());
                s.setString(8, e.outcome().label());
                s.setString(9, JSON.writeValueAsString(e.details()));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new AuditStorageException("cannot queue audit events", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("string details always serialise", e);
        }
    }

    /** Whether anything committed waits to be sequenced (cheap: readers ask before every read). */
    public boolean anyQueued() {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM audit_queue)")) {
            r.next();
            return r.getBoolean(1);
        } catch (SQLException e) {
            throw new AuditStorageException("cannot look at the audit queue", e);
        }
    }

    /** The oldest {@code max} queued events, locked until the transaction ends. */
    public List<QueuedEvent> oldest(int max) {
        List<QueuedEvent> events = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(OLDEST)) {
            s.setInt(1, max);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new QueuedEvent(r.getLong(1), r.getObject(2, UUID.class),
                            r.getObject(3, OffsetDateTime.class).toInstant(), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getString(8), AuditOutcome.fromLabel(r.getString(9)),
                            JSON.readValue(r.getString(10), DETAILS)));
                }
            }
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read the audit queue", e);
        } catch (JsonProcessingException e) {
            throw new AuditStorageException("a queued audit event has details that are not a string map", e);
        }
        return events;
    }

    /** Removes sequenced events; the table's guard lets only a transaction that says it is the sequencer do this. */
    public void remove(List<QueuedEvent> events) {
        Long[] ids = events.stream().map(QueuedEvent::queueId).toArray(Long[]::new);
        try (Statement mark = connection.createStatement();
             PreparedStatement s = connection.prepareStatement("DELETE FROM audit_queue WHERE id = ANY (?)")) {
            mark.execute("SELECT set_config('vigil.audit_sequencing', 'on', true)");
            s.setArray(1, connection.createArrayOf("bigint", ids));
            s.executeUpdate();
            mark.execute("SELECT set_config('vigil.audit_sequencing', 'off', true)");
        } catch (SQLException e) {
            throw new AuditStorageException("cannot remove sequenced events from the audit queue", e);
        }
    }
}
