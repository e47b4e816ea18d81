package io.vigil.retention.application;

import io.vigil.retention.domain.HoldScope;
import io.vigil.retention.domain.HoldState;
import io.vigil.retention.domain.LegalHold;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads {@code legal_hold} rows (JDBC, for the array columns). */
final class HoldRows {

    static final String COLUMNS = "h.id, h.tenant_id, h.matter_name, h.reference, h.description, h.custodians,"
            + " h.date_from, h.date_to, h.agent_profile_names, h.caller_ref_hashes, h.flag_reasons, h.session_ids,"
            + " h.state, h.created_by, h.created_by_name, h.created_at, h.release_requested_by,"
            + " h.release_requested_name, h.release_requested_at, h.release_reason, h.released_by,"
            + " h.released_by_name, h.released_at,"
            + " (SELECT count(*) FROM legal_hold_session s WHERE s.hold_id = h.id) AS sessions";

    private HoldRows() {
    }

    static LegalHold read(ResultSet r) throws SQLException {
        HoldScope scope = new HoldScope(strings(r.getArray("custodians")), instant(r.getTimestamp("date_from")),
                instant(r.getTimestamp("date_to")), strings(r.getArray("agent_profile_names")),
                strings(r.getArray("caller_ref_hashes")), strings(r.getArray("flag_reasons")),
                uuids(r.getArray("session_ids")));
        return new LegalHold(r.getObject("id", UUID.class), r.getObject("tenant_id", UUID.class),
                r.getString("matter_name"), r.getString("reference"), r.getString("description"), scope,
                HoldState.valueOf(r.getString("state")), r.getString("created_by"), r.getString("created_by_name"),
                instant(r.getTimestamp("created_at")), r.getString("release_requested_by"),
                r.getString("release_requested_name"), instant(r.getTimestamp("release_requested_at")),
                r.getString("release_reason"), r.getString("released_by"), r.getString("released_by_name"),
                instant(r.getTimestamp("released_at")), r.getLong("sessions"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }

    private static List<UUID> uuids(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray())
                .map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString())).toList();
    }
}
