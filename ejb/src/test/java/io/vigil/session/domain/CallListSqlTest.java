package io.vigil.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallListSqlTest {

    private final UUID tenant = UUID.randomUUID();
    private final Instant jan1 = Instant.parse("2026-01-01T00:00:00Z");
    private final Instant feb1 = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void tenantIsAlwaysTheFirstPredicateAndParameter() {
        CallListSql sql = CallListSql.of(tenant, CallQuery.firstPage(25));
        assertTrue(sql.countSql().endsWith("WHERE r.tenant_id = ?"), sql.countSql());
        assertEquals(List.of(tenant), sql.countParameters());
        assertTrue(sql.pageSql(null).contains("WHERE c.tenant_id = ?"));
        assertEquals(List.of(tenant), sql.pageParameters(null));
    }

    @Test
    void filtersBecomeBoundParametersNeverLiterals() {
        UUID agent = UUID.randomUUID();
        CallQuery q = CallQuery.firstPage(25).agent(agent).channel(Channel.BROWSER).flagged(true).between(jan1, feb1);
        CallListSql sql = CallListSql.of(tenant, q);
        assertEquals(5, sql.pageParameters(null).size());
        assertTrue(sql.pageParameters(null).contains(agent));
        assertTrue(sql.pageParameters(null).contains("BROWSER"));
        assertFalse(sql.pageSql(null).contains(agent.toString()));
        assertTrue(sql.pageSql(null).contains("c.flag_count > 0"), "matches the partial index predicate");
    }

    @Test
    void wholeDaysAreCountedFromTheRollup() {
        CallListSql sql = CallListSql.of(tenant, CallQuery.firstPage(25).between(jan1, feb1).flagged(true));
        assertTrue(sql.rollupApplies());
        assertTrue(sql.countSql().startsWith("SELECT coalesce(sum(r.calls), 0) FROM call_daily_count r"));
        assertTrue(sql.countSql().contains("r.flagged"));
        assertEquals(List.of(tenant, Date.valueOf("2026-01-01"), Date.valueOf("2026-02-01")), sql.countParameters());
    }

    @Test
    void aRangeInsideADayIsCountedOverTheCalls() {
        CallListSql sql = CallListSql.of(tenant, CallQuery.firstPage(25).between(jan1.plusSeconds(3600), feb1));
        assertFalse(sql.rollupApplies());
        assertTrue(sql.countSql().startsWith("SELECT count(*) FROM call_session c"));
        assertEquals(Timestamp.from(jan1.plusSeconds(3600)), sql.countParameters().get(1));
    }

    @Test
    void shallowPagesSkipWithoutADaySeek() {
        CallQuery q = CallQuery.firstPage(25).page(500, 25);
        CallListSql sql = CallListSql.of(tenant, q);
        assertFalse(sql.daySeekApplies());
        String page = sql.pageSql(null);
        int cte = page.indexOf("WITH page AS");
        int join = page.indexOf("JOIN agent_profile");
        assertTrue(cte >= 0 && join > cte, "the page is chosen before the join: " + page);
        assertTrue(page.contains("ORDER BY c.started_at DESC, c.id DESC OFFSET 500 LIMIT 25"), page);
        assertTrue(page.endsWith("ORDER BY p.started_at DESC, p.id DESC"), page);
    }

    @Test
    void deepPagesStartAtTheLocatedDayAndSkipOnlyWithinIt() {
        CallQuery q = CallQuery.firstPage(25).page(900_000, 25);
        CallListSql sql = CallListSql.of(tenant, q);
        assertTrue(sql.daySeekApplies());
        assertTrue(sql.daysSql().endsWith("ORDER BY r.day DESC"));
        DaySeek seek = new DaySeek(LocalDate.parse("2025-03-10"), 899_100);
        String page = sql.pageSql(seek);
        assertTrue(page.contains("AND c.started_at < ?"), page);
        assertTrue(page.contains("OFFSET 900 LIMIT 25"), page);
        assertEquals(Timestamp.from(Instant.parse("2025-03-11T00:00:00Z")), sql.pageParameters(seek).get(1));
    }

    @Test
    void ascendingDeepPagesStartAtTheBeginningOfTheDay() {
        CallQuery q = CallQuery.firstPage(25).sortedBy(CallQuery.SortKey.STARTED_AT, true).page(5_000, 25);
        CallListSql sql = CallListSql.of(tenant, q);
        DaySeek seek = new DaySeek(LocalDate.parse("2025-03-10"), 4_990);
        assertTrue(sql.pageSql(seek).contains("AND c.started_at >= ?"));
        assertTrue(sql.pageSql(seek).contains("OFFSET 10 LIMIT 25"));
        assertEquals(Timestamp.from(Instant.parse("2025-03-10T00:00:00Z")), sql.pageParameters(seek).get(1));
    }

    @Test
    void durationSortNeverSeeksByDay() {
        CallQuery q = CallQuery.firstPage(25).sortedBy(CallQuery.SortKey.DURATION, true).page(50_000, 25);
        CallListSql sql = CallListSql.of(tenant, q);
        assertFalse(sql.daySeekApplies());
        assertTrue(sql.pageSql(null).contains("ORDER BY c.duration_ms ASC, c.id ASC OFFSET 50000"));
    }
}
