package io.vigil.audit.domain;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of the console's audit table for an {@link AuditLogQuery}: the tenant predicate first, always, so the
 * scan runs on the {@code (tenant_id, at DESC)} index and never leaves the tenant; newest first. A user matches by
 * id ({@code user:<subject>}, exactly) or by a part of the display name; an action by prefix ({@code review.}
 * finds every review step); object type and id exactly.
 */
public final class AuditLogSql {

    private static final String ROW = "e.seq, e.at, e.actor, e.details->>'actor_name', e.action, e.object_type,"
            + " e.object_id, e.source, e.outcome, CAST(e.details AS text)";

    private final AuditLogQuery query;
    private final String where;
    private final List<Object> parameters;

    private AuditLogSql(UUID tenantId, AuditLogQuery query) {
        this.query = query;
        StringBuilder sql = new StringBuilder("e.tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenantId));
        if (query.from() != null) {
            sql.append(" AND e.at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND e.at < ?");
            params.add(Timestamp.from(query.to()));
        }
        if (query.user() != null) {
            sql.append(" AND (e.actor = ? OR e.details->>'actor_name' ILIKE ? ESCAPE '\\')");
            params.add(query.user());
            params.add("%" + likeEscape(query.user()) + "%");
        }
        if (query.action() != null) {
            sql.append(" AND e.action LIKE ? ESCAPE '\\'");
            params.add(likeEscape(query.action()) + "%");
        }
        if (query.objectType() != null) {
            sql.append(" AND e.object_type = ?");
            params.add(query.objectType());
        }
        if (query.objectId() != null) {
            sql.append(" AND e.object_id = ?");
            params.add(query.objectId());
        }
        this.where = sql.toString();
        this.parameters = List.copyOf(params);
    }

    public static AuditLogSql of(UUID tenantId, AuditLogQuery query) {
        if (tenantId == null) {
            throw new IllegalArgumentException("the audit table is always read for one tenant");
        }
        return new AuditLogSql(tenantId, query);
    }

    public String countSql() {
        return "SELECT count(*) FROM audit_entry e WHERE " + where;
    }

    public String pageSql() {
        return "SELECT " + ROW + " FROM audit_entry e WHERE " + where
                + " ORDER BY e.at DESC, e.seq DESC OFFSET " + query.offset() + " LIMIT " + query.limit();
    }

    public List<Object> parameters() {
        return parameters;
    }

    static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
