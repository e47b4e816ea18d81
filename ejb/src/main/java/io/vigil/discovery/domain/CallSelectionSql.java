package io.vigil.discovery.domain;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that finds the calls of a {@link CallSelection}, tenant first, in production order (start time, then id):
 * a hold's live calls, a custodian's (a person whose work is on the call: annotation author or flag reviewer, by
 * user id or name, as legal holds define it), a date range on the start time, an agent profile version, named calls.
 */
public final class CallSelectionSql {

    /** SQL with positional parameters and their values. */
    public record Query(String sql, List<Object> parameters) {
    }

    private CallSelectionSql() {
    }

    public static Query of(java.util.UUID tenant, CallSelection s) {
        StringBuilder sql = new StringBuilder("SELECT c.id FROM call_session c WHERE c.tenant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenant));
        if (s.holdId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM legal_hold_session h WHERE h.session_id = c.id AND h.tenant_id = c.tenant_id"
                    + " AND h.hold_id = ? AND h.released_at IS NULL)");
            parameters.add(s.holdId());
        }
        if (s.custodian() != null) {
            sql.append(" AND (EXISTS (SELECT 1 FROM annotation n WHERE n.session_id = c.id AND n.tenant_id = c.tenant_id"
                    + " AND (n.author_id = ? OR n.author_name = ?))"
                    + " OR EXISTS (SELECT 1 FROM flag f WHERE f.session_id = c.id AND f.tenant_id = c.tenant_id"
                    + " AND (f.assignee_id = ? OR f.assignee_name = ? OR f.resolved_by = ? OR f.approved_by = ?)))");
            for (int i = 0; i < 6; i++) {
                parameters.add(s.custodian());
            }
        }
        if (s.from() != null) {
            sql.append(" AND c.started_at >= ?");
            parameters.add(Timestamp.from(s.from()));
        }
        if (s.to() != null) {
            sql.append(" AND c.started_at < ?");
            parameters.add(Timestamp.from(s.to()));
        }
        if (s.agentProfileId() != null) {
            sql.append(" AND c.agent_profile_id = ?");
            parameters.add(s.agentProfileId());
        }
        if (!s.callIds().isEmpty()) {
            sql.append(" AND c.id IN (").append(String.join(", ", java.util.Collections.nCopies(s.callIds().size(), "?")))
                    .append(")");
            parameters.addAll(s.callIds());
        }
        sql.append(" ORDER BY c.started_at, c.id");
        return new Query(sql.toString(), parameters);
    }
}
