package io.vigil.retention.application;

import io.vigil.audit.domain.AuditActor;
import io.vigil.retention.domain.HoldScope;
import io.vigil.retention.domain.LegalHold;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** The {@code legal_hold} table through JDBC on the transaction's connection (its array columns need it). */
public final class HoldStore {

    /** Work on the current transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Session session;

    public HoldStore(Session session) {
        this.session = session;
    }

    public <T> T withConnection(Work<T> work) {
        return session.doReturningWork(c -> {
            try {
                return work.run(c);
            } catch (SQLException e) {
                throw new IllegalStateException("legal hold storage: " + e.getMessage(), e);
            }
        });
    }

    public static void insert(Connection c, UUID id, UUID tenant, String matter, String reference, String description,
                              HoldScope scope, AuditActor actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO legal_hold (id, tenant_id, matter_name, reference,"
                + " description, custodians, date_from, date_to, agent_profile_names, caller_ref_hashes, flag_reasons,"
                + " session_ids, state, created_by, created_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " 'ACTIVE', ?, ?)")) {
            s.setObject(1, id);
            s.setObject(2, tenant);
            s.setString(3, matter);
            s.setString(4, reference);
            s.setString(5, description == null || description.isBlank() ? null : description.strip());
            s.setArray(6, c.createArrayOf("text", scope.custodians().toArray()));
            s.setTimestamp(7, scope.from() == null ? null : Timestamp.from(scope.from()));
            s.setTimestamp(8, scope.to() == null ? null : Timestamp.from(scope.to()));
            s.setArray(9, c.createArrayOf("text", scope.agentProfileNames().toArray()));
            s.setArray(10, c.createArrayOf("text", scope.callerRefHashes().toArray()));
            s.setArray(11, c.createArrayOf("text", scope.flagReasons().toArray()));
            s.setArray(12, c.createArrayOf("uuid", scope.sessionIds().toArray()));
            s.setString(13, actor.id());
            s.setString(14, actor.name() == null ? actor.id() : actor.name());
            s.executeUpdate();
        }
    }

    public static boolean referenceTaken(Connection c, UUID tenant, String reference) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM legal_hold WHERE tenant_id = ? AND reference = ?")) {
            s.setObject(1, tenant);
            s.setString(2, reference);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    public static Optional<LegalHold> find(Connection c, UUID tenant, UUID id) throws SQLException {
        List<LegalHold> found = query(c, "SELECT " + HoldRows.COLUMNS + " FROM legal_hold h WHERE h.tenant_id = ?"
                + " AND h.id = ?", tenant, id);
        return found.stream().findFirst();
    }

    public static List<LegalHold> holdsOn(Connection c, UUID tenant, UUID sessionId) throws SQLException {
        return query(c, "SELECT " + HoldRows.COLUMNS + " FROM legal_hold h JOIN legal_hold_session hs ON hs.hold_id = h.id"
                + " WHERE h.tenant_id = ? AND hs.session_id = ? ORDER BY h.created_at DESC", tenant, sessionId);
    }

    public static List<LegalHold> page(Connection c, UUID tenant, int first, int size) throws SQLException {
        return query(c, "SELECT " + HoldRows.COLUMNS + " FROM legal_hold h WHERE h.tenant_id = ?"
                + " ORDER BY h.created_at DESC, h.id LIMIT " + size + " OFFSET " + Math.max(0, first), tenant);
    }

    public static List<UUID> heldAmong(Connection c, UUID tenant, Collection<UUID> sessions) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT session_id FROM legal_hold_session"
                + " WHERE tenant_id = ? AND session_id = ANY (?) AND released_at IS NULL")) {
            s.setObject(1, tenant);
            s.setArray(2, c.createArrayOf("uuid", sessions.toArray()));
            List<UUID> held = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    held.add(r.getObject(1, UUID.class));
                }
            }
            return held;
        }
    }

    private static List<LegalHold> query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<LegalHold> holds = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    holds.add(HoldRows.read(r));
                }
            }
            return holds;
        }
    }
}
