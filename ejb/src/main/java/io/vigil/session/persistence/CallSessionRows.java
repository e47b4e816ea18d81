package io.vigil.session.persistence;

import io.vigil.session.domain.CallerJurisdiction;
import io.vigil.session.domain.ConsentState;
import io.vigil.session.domain.DisclosureState;
import io.vigil.session.domain.SessionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code call_session} row of a live call: inserted LIVE when the door's {@code start} is accepted, before any
 * audio flows, and completed by the persistence worker once every record of the call has been stored (so its
 * {@code flag_count} counts the stored flags).
 */
public final class CallSessionRows {

    /** How a call ended, as the pipeline saw it. */
    public record Ending(UUID tenantId, UUID sessionId, Instant endedAt, long durationMs, SessionStatus status,
                         ConsentState consent, DisclosureState disclosure) {
    }

    private final DataSource dataSource;

    public CallSessionRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the row of an admitted call. {@code callerReference} is the reference as the door received it: only its
     * keyed hash is stored, and the jurisdiction its retention rules follow ({@link CallerJurisdiction}).
     */
    public void insertLive(UUID tenantId, UUID sessionId, UUID agentProfileId, String channel, String callerRefHash,
                           String callerReference, Instant startedAt) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO call_session (id, tenant_id, agent_profile_id,"
                     + " channel, caller_ref_hash, started_at, status, consent_state, disclosure_state,"
                     + " retention_class, jurisdiction, flag_count) VALUES (?, ?, ?, ?, ?, ?, 'LIVE', 'PENDING', 'PENDING',"
                     + " 'standard', ?, 0)")) {
            st.setObject(1, sessionId);
            st.setObject(2, tenantId);
            st.setObject(3, agentProfileId);
            st.setString(4, channel);
            st.setString(5, callerRefHash);
            st.setTimestamp(6, Timestamp.from(startedAt));
            st.setString(7, CallerJurisdiction.of(callerReference).orElse(null));
            st.executeUpdate();
        }
    }

    public void complete(Ending e) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE call_session SET ended_at = GREATEST(?, started_at),"
                     + " duration_ms = ?, status = ?, consent_state = ?, disclosure_state = ?,"
                     + " flag_count = (SELECT count(*) FROM flag f WHERE f.session_id = call_session.id)"
                     + " WHERE id = ? AND tenant_id = ?")) {
            st.setTimestamp(1, Timestamp.from(e.endedAt()));
            st.setLong(2, e.durationMs());
            st.setString(3, e.status().name());
            st.setString(4, e.consent().name());
            st.setString(5, e.disclosure().name());
            st.setObject(6, e.sessionId());
            st.setObject(7, e.tenantId());
            st.executeUpdate();
        }
    }
}
