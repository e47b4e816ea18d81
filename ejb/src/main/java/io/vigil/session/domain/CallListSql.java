package io.vigil.session.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds the SQL of the calls list for a {@link CallQuery}. Plain Java so the query shape is unit-tested.
 *
 * <p>Three things keep a list of millions of calls fast:
 * <ul>
 *   <li>The page is chosen over the covering indexes alone ({@code call_session_tenant_*}), then only its rows are
 *   joined to their agent profile: a "deferred join".</li>
 *   <li>When the date range is whole UTC days (or absent), the total comes from {@code call_daily_count}, a rollup
 *   kept exact by a trigger, instead of counting index entries.</li>
 *   <li>A deep page in date order first finds, from the same rollup, the day that holds its first call
 *   ({@link DaySeek}); the index scan then starts at that day and skips only the calls within it.</li>
 * </ul>
 * The tenant predicate is always the first.
 */
public final class CallListSql {

    /** Below this offset a plain skip is cheaper than the extra query of a day seek. */
    public static final int DAY_SEEK_FROM_OFFSET = 2_000;

    private final CallQuery query;
    private final String scanWhere;
    private final List<Object> scanParameters;
    private final String rollupWhere;
    private final List<Object> rollupParameters;

    private CallListSql(CallQuery query, UUID tenantId) {
        this.query = query;
        StringBuilder scan = new StringBuilder("c.tenant_id = ?");
        List<Object> scanParams = new ArrayList<>(List.of(tenantId));
        StringBuilder rollup = new StringBuilder("r.tenant_id = ?");
        List<Object> rollupParams = new ArrayList<>(List.of(tenantId));
        if (query.from() != null) {
            scan.append(" AND c.started_at >= ?");
            scanParams.add(Timestamp.from(query.from()));
            rollup.append(" AND r.day >= ?");
            rollupParams.add(Date.valueOf(utcDay(query.from())));
        }
        if (query.to() != null) {
            scan.append(" AND c.started_at < ?");
            scanParams.add(Timestamp.from(query.to()));
            rollup.append(" AND r.day < ?");
            rollupParams.add(Date.valueOf(utcDay(query.to())));
        }
        if (query.agentProfileId() != null) {
            scan.append(" AND c.agent_profile_id = ?");
            scanParams.add(query.agentProfileId());
            rollup.append(" AND r.agent_profile_id = ?");
            rollupParams.add(query.agentProfileId());
        }
        if (query.channel() != null) {
            scan.append(" AND c.channel = ?");
            scanParams.add(query.channel().name());
            rollup.append(" AND r.channel = ?");
            rollupParams.add(query.channel().name());
        }
        if (query.flaggedOnly()) {
            scan.append(" AND c.flag_count > 0");
            rollup.append(" AND r.flagged");
        }
        this.scanWhere = scan.toString();
        this.scanParameters = List.copyOf(scanParams);
        this.rollupWhere = rollup.toString();
        this.rollupParameters = List.copyOf(rollupParams);
    }

    public static CallListSql of(UUID tenantId, CallQuery query) {
        return new CallListSql(query, tenantId);
    }

    /** True when the daily rollup answers exactly: no date bounds, or bounds at UTC midnight. */
    public boolean rollupApplies() {
        return isUtcMidnight(query.from()) && isUtcMidnight(query.to());
    }

    /** True when the page should be found through {@link #daysSql()} first. */
    public boolean daySeekApplies() {
        return rollupApplies() && query.sortKey() == CallQuery.SortKey.STARTED_AT
                && query.offset() >= DAY_SEEK_FROM_OFFSET;
    }

    public String countSql() {
        return rollupApplies()
                ? "SELECT coalesce(sum(r.calls), 0) FROM call_daily_count r WHERE " + rollupWhere
                : "SELECT count(*) FROM call_session c WHERE " + scanWhere;
    }

    public List<Object> countParameters() {
        return rollupApplies() ? rollupParameters : scanParameters;
    }

    /** The days with matching calls and how many, in the list's order; parameters: {@link #daysParameters()}. */
    public String daysSql() {
        return "SELECT r.day, sum(r.calls) FROM call_daily_count r WHERE " + rollupWhere
                + " GROUP BY r.day HAVING sum(r.calls) > 0 ORDER BY r.day " + direction();
    }

    public List<Object> daysParameters() {
        return rollupParameters;
    }

    /** The page, optionally starting at a located day; parameters: {@link #pageParameters(DaySeek)}. */
    public String pageSql(DaySeek seek) {
        String column = switch (query.sortKey()) {
            case STARTED_AT -> "started_at";
            case DURATION -> "duration_ms";
        };
        String direction = direction();
        String where = scanWhere;
        long offset = query.offset();
        if (seek != null) {
            where += query.ascending() ? " AND c.started_at >= ?" : " AND c.started_at < ?";
            offset -= seek.callsBefore();
        }
        return "WITH page AS (SELECT c.id, c.started_at, c.duration_ms FROM call_session c WHERE " + where
                + " ORDER BY c." + column + " " + direction + ", c.id " + direction
                + " OFFSET " + offset + " LIMIT " + query.limit() + ") "
                + "SELECT c.id, c.started_at, c.duration_ms, c.channel, c.status, a.name, a.version, c.flag_count,"
                + " c.consent_state, c.disclosure_state"
                + " FROM page p JOIN call_session c ON c.id = p.id JOIN agent_profile a ON a.id = c.agent_profile_id"
                + " ORDER BY p." + column + " " + direction + ", p.id " + direction;
    }

    public List<Object> pageParameters(DaySeek seek) {
        if (seek == null) {
            return scanParameters;
        }
        List<Object> params = new ArrayList<>(scanParameters);
        // descending: everything before the end of the located day; ascending: from its start
        LocalDate boundary = query.ascending() ? seek.day() : seek.day().plusDays(1);
        params.add(Timestamp.from(boundary.atStartOfDay().toInstant(ZoneOffset.UTC)));
        return params;
    }

    private String direction() {
        return query.ascending() ? "ASC" : "DESC";
    }

    private static boolean isUtcMidnight(Instant instant) {
        return instant == null || instant.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay() == 0;
    }

    private static LocalDate utcDay(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
