package io.vigil.session.persistence;

import io.vigil.session.pipeline.SessionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Stores session records as {@code session_event}, {@code transcript_segment} and {@code flag} rows. Records are
 * collected and written by {@link #flush()} as JDBC batches in one transaction, so a round of the persistence worker
 * costs one round trip per table, and a failure stores nothing: the records are still {@link #discardPending() in
 * hand} for the journal. Used by one thread at a time (the persistence worker).
 */
public final class JdbcSessionSink implements BatchSink {

    private final DataSource dataSource;
    private final Clock clock;
    private final List<SessionRecord> pending = new ArrayList<>();

    public JdbcSessionSink(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void event(SessionRecord.Event event) {
        pending.add(event);
    }

    @Override
    public void transcript(SessionRecord.Segment segment) {
        pending.add(segment);
    }

    @Override
    public void flag(SessionRecord.RaisedFlag flag) {
        pending.add(flag);
    }

    @Override
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                write(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database did not take " + pending.size() + " session records: "
                    + e.getMessage(), e);
        }
        pending.clear();
    }

    @Override
    public List<SessionRecord> discardPending() {
        List<SessionRecord> left = List.copyOf(pending);
        pending.clear();
        return left;
    }

    private void write(Connection c) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement event = c.prepareStatement("INSERT INTO session_event (tenant_id, session_id, type,"
                + " at_ms, payload) VALUES (?, ?, ?, ?, ?::jsonb)");
             PreparedStatement turn = c.prepareStatement("INSERT INTO transcript_segment (tenant_id, session_id, seq,"
                     + " speaker, start_ms, end_ms, text) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement flag = c.prepareStatement("INSERT INTO flag (id, tenant_id, session_id, reason,"
                     + " severity, state, evidence, at_ms, raised_at, due_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)")) {
            for (SessionRecord r : pending) {
                if (r instanceof SessionRecord.Event e) {
                    event.setObject(1, e.tenantId());
                    event.setObject(2, e.sessionId());
                    event.setString(3, e.type().name());
                    event.setInt(4, Math.max(0, e.atMs()));
                    event.setString(5, e.payloadJson());
                    event.addBatch();
                } else if (r instanceof SessionRecord.Segment s) {
                    turn.setObject(1, s.tenantId());
                    turn.setObject(2, s.sessionId());
                    turn.setInt(3, s.seq());
                    turn.setString(4, s.speaker().name());
                    turn.setInt(5, Math.max(0, s.startMs()));
                    turn.setInt(6, Math.max(Math.max(0, s.startMs()), s.endMs()));
                    turn.setString(7, s.redactedText());
                    turn.addBatch();
                } else {
                    SessionRecord.RaisedFlag f = (SessionRecord.RaisedFlag) r;
                    flag.setObject(1, UUID.randomUUID());
                    flag.setObject(2, f.tenantId());
                    flag.setObject(3, f.sessionId());
                    flag.setString(4, f.reason().name());
                    flag.setString(5, f.severity().name());
                    flag.setString(6, f.evidence());
                    flag.setInt(7, Math.max(0, f.atMs()));
                    flag.setTimestamp(8, Timestamp.from(now));
                    flag.setTimestamp(9, Timestamp.from(now.plus(f.severity().reviewWithin())));
                    flag.addBatch();
                }
            }
            event.executeBatch();
            turn.executeBatch();
            flag.executeBatch();
        }
    }
}
