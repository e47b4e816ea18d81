package io.vigil.session.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.session.domain.SessionEventType;
import io.vigil.session.pipeline.SessionRecord;
import java.io.IOException;
import java.sql.Array;
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
 * hand} for the journal. A SESSION_ENDED event also writes the call's {@code session_metrics} row from its payload
 * (once: a replayed journal does not write it twice). Used by one thread at a time (the persistence worker).
 */
public final class JdbcSessionSink implements BatchSink {

    private final DataSource dataSource;
    private final Clock clock;
    private static final ObjectMapper JSON = new ObjectMapper();

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
                     + " severity, state, evidence, at_ms, raised_at, due_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)");
             PreparedStatement metrics = c.prepareStatement("INSERT INTO session_metrics (session_id, tenant_id,"
                     + " duration_ms, first_agent_audio_ms, turn_latency_ms, barge_in_reaction_ms, caller_talk_ms,"
                     + " agent_talk_ms, silence_ms, frames_in, frames_out, frames_dropped, bad_frames, pci_paused_ms)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING")) {
            boolean anyMetrics = false;
            for (SessionRecord r : pending) {
                if (r instanceof SessionRecord.Event e) {
                    event.setObject(1, e.tenantId());
                    event.setObject(2, e.sessionId());
                    event.setString(3, e.type().name());
                    event.setInt(4, Math.max(0, e.atMs()));
                    event.setString(5, e.payloadJson());
                    event.addBatch();
                    if (e.type() == SessionEventType.SESSION_ENDED) {
                        anyMetrics |= metricsRow(c, metrics, e);
                    }
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
            if (anyMetrics) {
                metrics.executeBatch();
            }
        }
    }

    /** The {@code metrics} object of a SESSION_ENDED payload as a row; false if the payload has none. */
    private static boolean metricsRow(Connection c, PreparedStatement st, SessionRecord.Event ended)
            throws SQLException {
        JsonNode m;
        try {
            m = JSON.readTree(ended.payloadJson()).path("metrics");
        } catch (IOException e) {
            return false;
        }
        if (!m.isObject()) {
            return false;
        }
        st.setObject(1, ended.sessionId());
        st.setObject(2, ended.tenantId());
        st.setLong(3, m.path("durationMs").asLong(Math.max(0, ended.atMs())));
        long first = m.path("firstAgentAudioMs").asLong(-1);
        if (first < 0) {
            st.setNull(4, java.sql.Types.BIGINT);
        } else {
            st.setLong(4, first);
        }
        st.setArray(5, longs(c, m.path("turnLatenciesMs")));
        st.setArray(6, longs(c, m.path("bargeInReactionMs")));
        st.setLong(7, m.path("callerTalkMs").asLong());
        st.setLong(8, m.path("agentTalkMs").asLong());
        st.setLong(9, m.path("silenceMs").asLong());
        st.setLong(10, m.path("framesIn").asLong());
        st.setLong(11, m.path("framesOut").asLong());
        st.setLong(12, m.path("framesDropped").asLong());
        st.setLong(13, m.path("badFrames").asLong());
        st.setLong(14, m.path("pciPausedMs").asLong());
        st.addBatch();
        return true;
    }

    private static Array longs(Connection c, JsonNode values) throws SQLException {
        List<Long> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asLong()));
        return c.createArrayOf("bigint", out.toArray());
    }
}
