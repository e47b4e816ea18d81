package io.vigil.review.domain;

import io.vigil.session.domain.FlagState;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds the SQL of the flag queue for a {@link FlagQueueQuery}. Plain Java so the query shape is unit-tested.
 *
 * <p>The tenant predicate is always the first. Every filter value is a bound parameter except the states: they
 * come from the {@link FlagState} enum, never from input, and are written as literals so PostgreSQL can prove that
 * an open-work query matches the partial {@code flag_queue_*} indexes (V20), which hold open work only and are
 * ordered by due time. The page is chosen over {@code flag} alone, then only its rows are joined to their call and
 * agent profile (a deferred join, as in the calls list). {@code now} is passed in, so age and overdue filters are
 * exact and testable.
 */
public final class FlagQueueSql {

    private static final String COLUMNS = "f.id, f.session_id, f.reason, f.severity, f.state, f.at_ms, f.raised_at,"
            + " f.due_at, f.assignee_id, f.assignee_name, f.resolved_by, a.name, a.version, c.started_at,"
            + " left(f.evidence, " + QueueEntry.EVIDENCE_PREVIEW + ")";

    private final FlagQueueQuery query;
    private final String where;
    private final List<Object> parameters;

    private FlagQueueSql(UUID tenantId, FlagQueueQuery query, Instant now) {
        this.query = query;
        StringBuilder sql = new StringBuilder("f.tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenantId));
        if (!query.states().isEmpty()) {
            List<FlagState> states = query.states().stream().sorted().toList();
            sql.append(states.size() == 1 ? " AND f.state = '" + states.get(0).name() + "'"
                    : " AND f.state IN (" + states.stream().map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (query.reason() != null) {
            sql.append(" AND f.reason = ?");
            params.add(query.reason().name());
        }
        if (query.severity() != null) {
            sql.append(" AND f.severity = ?");
            params.add(query.severity().name());
        }
        if (query.agentProfileId() != null) {
            sql.append(" AND f.agent_profile_id = ?");
            params.add(query.agentProfileId());
        }
        if (query.minAge() != null) {
            sql.append(" AND f.raised_at <= ?");
            params.add(Timestamp.from(now.minus(query.minAge())));
        }
        if (query.overdueOnly()) {
            sql.append(" AND f.due_at < ?");
            params.add(Timestamp.from(now));
        }
        if (query.assigneeId() != null) {
            sql.append(" AND f.assignee_id = ?");
            params.add(query.assigneeId());
        } else if (query.unassignedOnly()) {
            sql.append(" AND f.assignee_id IS NULL");
        }
        this.where = sql.toString();
        this.parameters = List.copyOf(params);
    }

    public static FlagQueueSql of(UUID tenantId, FlagQueueQuery query, Instant now) {
        return new FlagQueueSql(tenantId, query, now);
    }

    /** The parameters of every statement here, in order. */
    public List<Object> parameters() {
        return parameters;
    }

    public String countSql() {
        return "SELECT count(*) FROM flag f WHERE " + where;
    }

    public String pageSql() {
        String direction = query.dueLatestFirst() ? "DESC" : "ASC";
        return "WITH page AS (SELECT f.id, f.due_at FROM flag f WHERE " + where
                + " ORDER BY f.due_at " + direction + ", f.id " + direction
                + " OFFSET " + query.offset() + " LIMIT " + query.limit() + ") "
                + "SELECT " + COLUMNS
                + " FROM page p JOIN flag f ON f.id = p.id JOIN call_session c ON c.id = f.session_id"
                + " JOIN agent_profile a ON a.id = f.agent_profile_id"
                + " ORDER BY p.due_at " + direction + ", p.id " + direction;
    }

    /**
     * The most urgent matching flag, locked for the rest of the transaction; flags another reviewer is claiming at
     * this moment are skipped rather than waited for, so two people pressing "next" get different flags.
     */
    public String nextSql() {
        return "SELECT f.id FROM flag f WHERE " + where + " ORDER BY f.due_at ASC, f.id ASC LIMIT 1"
                + " FOR UPDATE SKIP LOCKED";
    }
}
