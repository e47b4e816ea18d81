package io.vigil.session.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SQL of the calls list for a {@link CallQuery}. Plain Java so the query shape is unit-tested.
 *
 * <p>The page is chosen first over the covering indexes alone ({@code call_session_tenant_*}), then only the
 * rows of that page are joined to their agent profile: a "deferred join". PostgreSQL can then skip deep offsets
 * with an index-only scan instead of building every skipped row. The tenant predicate is always the first.
 */
public final class CallListSql {

    private final String where;
    private final List<Object> parameters;

    private CallListSql(String where, List<Object> parameters) {
        this.where = where;
        this.parameters = List.copyOf(parameters);
    }

    public static CallListSql of(java.util.UUID tenantId, CallQuery query) {
        StringBuilder where = new StringBuilder("c.tenant_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(tenantId);
        if (query.from() != null) {
            where.append(" AND c.started_at >= ?");
            params.add(java.sql.Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND c.started_at < ?");
            params.add(java.sql.Timestamp.from(query.to()));
        }
        if (query.agentProfileId() != null) {
            where.append(" AND c.agent_profile_id = ?");
            params.add(query.agentProfileId());
        }
        if (query.channel() != null) {
            where.append(" AND c.channel = ?");
            params.add(query.channel().name());
        }
        if (query.flaggedOnly()) {
            where.append(" AND c.flag_count > 0");
        }
        return new CallListSql(where.toString(), params);
    }

    public String countSql() {
        return "SELECT count(*) FROM call_session c WHERE " + where;
    }

    public String pageSql(CallQuery query) {
        String direction = query.ascending() ? "ASC" : "DESC";
        String column = switch (query.sortKey()) {
            case STARTED_AT -> "started_at";
            case DURATION -> "duration_ms";
        };
        String order = "%s %s, id %s".formatted(column, direction, direction);
        return "WITH page AS (SELECT c.id, c.started_at, c.duration_ms FROM call_session c WHERE " + where
                + " ORDER BY c." + order.replace(", id", ", c.id") + " OFFSET " + query.offset()
                + " LIMIT " + query.limit() + ") "
                + "SELECT c.id, c.started_at, c.duration_ms, c.channel, c.status, a.name, a.version, c.flag_count,"
                + " c.consent_state, c.disclosure_state"
                + " FROM page p JOIN call_session c ON c.id = p.id JOIN agent_profile a ON a.id = c.agent_profile_id"
                + " ORDER BY p." + order.replace(", id", ", p.id");
    }

    public List<Object> parameters() {
        return parameters;
    }
}
