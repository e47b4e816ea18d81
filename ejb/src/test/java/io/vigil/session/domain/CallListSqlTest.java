package io.vigil.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallListSqlTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void tenantIsAlwaysTheFirstPredicateAndParameter() {
        CallListSql sql = CallListSql.of(tenant, CallQuery.firstPage(25));
        assertTrue(sql.countSql().endsWith("WHERE c.tenant_id = ?"));
        assertEquals(1, sql.parameters().size());
        assertEquals(tenant, sql.parameters().get(0));
    }

    @Test
    void filtersBecomeBoundParametersNeverLiterals() {
        UUID agent = UUID.randomUUID();
        CallQuery q = CallQuery.firstPage(25).agent(agent).channel(Channel.BROWSER).flagged(true)
                .between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
        CallListSql sql = CallListSql.of(tenant, q);
        assertEquals(5, sql.parameters().size());
        assertTrue(sql.parameters().contains(agent));
        assertTrue(sql.parameters().contains("BROWSER"));
        assertFalse(sql.countSql().contains(agent.toString()));
        assertTrue(sql.countSql().contains("c.flag_count > 0"), "matches the partial index predicate");
    }

    @Test
    void pageIsChosenBeforeTheJoinAndOrderedStably() {
        CallQuery q = CallQuery.firstPage(25).page(500, 25);
        String page = CallListSql.of(tenant, q).pageSql(q);
        int cte = page.indexOf("WITH page AS");
        int join = page.indexOf("JOIN agent_profile");
        assertTrue(cte >= 0 && join > cte, page);
        assertTrue(page.contains("ORDER BY c.started_at DESC, c.id DESC OFFSET 500 LIMIT 25"), page);
        assertTrue(page.endsWith("ORDER BY p.started_at DESC, p.id DESC"), page);
    }

    @Test
    void durationSortUsesDurationThenId() {
        CallQuery q = CallQuery.firstPage(25).sortedBy(CallQuery.SortKey.DURATION, true);
        String page = CallListSql.of(tenant, q).pageSql(q);
        assertTrue(page.contains("ORDER BY c.duration_ms ASC, c.id ASC"), page);
    }
}
