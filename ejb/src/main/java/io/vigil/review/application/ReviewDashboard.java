package io.vigil.review.application;

import io.vigil.review.domain.AgentVersionLatency;
import io.vigil.review.domain.CountSeries;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The review dashboards' figures, each one aggregate query over a window (the last N days, UTC), tenant first.
 * The grouping happens in PostgreSQL on the V16 indexes; only the few aggregate rows travel.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReviewDashboard {

    /** Open-flag age buckets, youngest first; the SQL below uses the same bounds. */
    public static final List<String> AGE_BUCKETS = List.of("< 1 day", "1–3 days", "3–7 days", "> 7 days");

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    /** Flags raised per UTC day by reason. */
    public CountSeries flagsByReason(TenantId tenant, int days, Instant now) {
        return perDay(tenant, days, now, "SELECT to_char(date_trunc('day', f.raised_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD'),"
                + " f.reason, count(*) FROM flag f WHERE f.tenant_id = ?1 AND f.raised_at >= ?2 GROUP BY 1, 2");
    }

    /** Flags raised per UTC day by agent profile (all its versions). */
    public CountSeries flagsByAgent(TenantId tenant, int days, Instant now) {
        return perDay(tenant, days, now, "SELECT d, p.name, sum(n) FROM (SELECT to_char(date_trunc('day',"
                + " f.raised_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS d, f.agent_profile_id AS a, count(*) AS n"
                + " FROM flag f WHERE f.tenant_id = ?1 AND f.raised_at >= ?2 GROUP BY 1, 2) x"
                + " JOIN agent_profile p ON p.id = x.a GROUP BY 1, 2");
    }

    /** Open work (open, in review, waiting for approval) by age since raised, one series per severity. */
    public CountSeries openFlagsByAge(TenantId tenant, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT CASE WHEN raised_at > ?2 THEN 0 WHEN raised_at > ?3 THEN 1"
                        + " WHEN raised_at > ?4 THEN 2 ELSE 3 END, severity, count(*) FROM flag WHERE tenant_id = ?1"
                        + " AND state IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL') GROUP BY 1, 2")
                .setParameter(1, tenant.value()).setParameter(2, now.minus(1, ChronoUnit.DAYS))
                .setParameter(3, now.minus(3, ChronoUnit.DAYS)).setParameter(4, now.minus(7, ChronoUnit.DAYS))
                .getResultList();
        List<CountSeries.Count> counts = new ArrayList<>();
        for (Object[] r : rows) {
            counts.add(new CountSeries.Count(AGE_BUCKETS.get(((Number) r[0]).intValue()), (String) r[1],
                    ((Number) r[2]).longValue()));
        }
        return CountSeries.of(AGE_BUCKETS, counts);
    }

    /** Response latency and barge-in rate per agent profile version, over the calls started in the window. */
    public List<AgentVersionLatency> latencyByAgentVersion(TenantId tenant, int days, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("WITH c AS (SELECT id, agent_profile_id FROM call_session"
                        + " WHERE tenant_id = ?1 AND started_at >= ?2),"
                        + " lat AS (SELECT c.agent_profile_id,"
                        + " percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(e.payload->>'firstAudioMs' AS numeric)) AS p50,"
                        + " percentile_cont(0.95) WITHIN GROUP (ORDER BY CAST(e.payload->>'firstAudioMs' AS numeric)) AS p95"
                        + " FROM c JOIN session_event e ON e.session_id = c.id AND e.type = 'RESPONSE_DONE'"
                        + " WHERE e.payload->>'firstAudioMs' IS NOT NULL GROUP BY 1),"
                        + " bi AS (SELECT c.agent_profile_id, count(*) AS calls, count(*) FILTER (WHERE EXISTS (SELECT 1"
                        + " FROM session_event e WHERE e.session_id = c.id AND e.type = 'BARGE_IN')) AS barged"
                        + " FROM c GROUP BY 1)"
                        + " SELECT p.name, p.version, bi.calls, bi.barged, lat.p50, lat.p95 FROM bi"
                        + " JOIN agent_profile p ON p.id = bi.agent_profile_id"
                        + " LEFT JOIN lat ON lat.agent_profile_id = bi.agent_profile_id ORDER BY p.name, p.version")
                .setParameter(1, tenant.value()).setParameter(2, windowStart(days, now)).getResultList();
        return rows.stream().map(r -> new AgentVersionLatency((String) r[0], ((Number) r[1]).intValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), dbl(r[4]), dbl(r[5]))).toList();
    }

    /** Annotations written in the window by agent profile version (x) and failure category (series). */
    public CountSeries annotationCategoriesByAgentVersion(TenantId tenant, int days, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.name || ' v' || p.version, coalesce(fc.label, x.type), x.n"
                        + " FROM (SELECT agent_profile_id, type, count(*) AS n FROM annotation WHERE tenant_id = ?1"
                        + " AND created_at >= ?2 GROUP BY 1, 2) x JOIN agent_profile p ON p.id = x.agent_profile_id"
                        + " LEFT JOIN failure_category fc ON fc.tenant_id = ?1 AND fc.code = x.type"
                        + " ORDER BY p.name, p.version")
                .setParameter(1, tenant.value()).setParameter(2, windowStart(days, now)).getResultList();
        return CountSeries.of(List.of(), counts(rows));
    }

    private CountSeries perDay(TenantId tenant, int days, Instant now, String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, tenant.value())
                .setParameter(2, windowStart(days, now)).getResultList();
        List<String> daysInWindow = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(windowStart(days, now), ZoneOffset.UTC);
        for (int i = 0; i < days; i++) {
            daysInWindow.add(first.plusDays(i).toString());
        }
        return CountSeries.of(daysInWindow, counts(rows));
    }

    /** The start of the window: midnight UTC {@code days - 1} days before today, so today is the last day. */
    static Instant windowStart(int days, Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static List<CountSeries.Count> counts(List<Object[]> rows) {
        return rows.stream().map(r -> new CountSeries.Count((String) r[0], (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }

    private static Double dbl(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
