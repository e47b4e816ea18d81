package io.vigil.review.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FlagQueueSqlTest {

    private final UUID tenant = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void tenantIsAlwaysTheFirstPredicateAndParameter() {
        FlagQueueSql sql = FlagQueueSql.of(tenant, FlagQueueQuery.openWork(25), now);
        assertTrue(sql.countSql().startsWith("SELECT count(*) FROM flag f WHERE f.tenant_id = ?"), sql.countSql());
        assertTrue(sql.pageSql().startsWith("WITH page AS (SELECT f.id, f.due_at FROM flag f WHERE f.tenant_id = ?"),
                sql.pageSql());
        assertTrue(sql.nextSql().startsWith("SELECT f.id FROM flag f WHERE f.tenant_id = ?"), sql.nextSql());
        assertEquals(List.of(tenant), sql.parameters());
    }

    @Test
    void openWorkIsWrittenAsLiteralsThatMatchThePartialIndexes() {
        String page = FlagQueueSql.of(tenant, FlagQueueQuery.openWork(25), now).pageSql();
        assertTrue(page.contains("AND f.state IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL')"), page);
        String single = FlagQueueSql.of(tenant, FlagQueueQuery.openWork(25).inStates(Set.of(FlagState.ESCALATED)), now)
                .pageSql();
        assertTrue(single.contains("AND f.state = 'ESCALATED'"), single);
        String all = FlagQueueSql.of(tenant, FlagQueueQuery.openWork(25).inStates(Set.of()), now).countSql();
        assertEquals("SELECT count(*) FROM flag f WHERE f.tenant_id = ?", all);
    }

    @Test
    void filtersBecomeBoundParametersNeverLiterals() {
        UUID agent = UUID.randomUUID();
        FlagQueueQuery q = FlagQueueQuery.openWork(25).reason(FlagReason.PROMPT_INJECTION).severity(Severity.CRITICAL)
                .agent(agent).olderThan(Duration.ofDays(3)).overdue(true).heldBy("u-dana'; DROP TABLE flag; --");
        FlagQueueSql sql = FlagQueueSql.of(tenant, q, now);
        assertEquals(List.of(tenant, "PROMPT_INJECTION", "CRITICAL", agent,
                Timestamp.from(Instant.parse("2026-03-07T12:00:00Z")), Timestamp.from(now),
                "u-dana'; DROP TABLE flag; --"), sql.parameters());
        String where = sql.countSql();
        assertTrue(where.endsWith("AND f.reason = ? AND f.severity = ? AND f.agent_profile_id = ?"
                + " AND f.raised_at <= ? AND f.due_at < ? AND f.assignee_id = ?"), where);
        assertFalse(sql.pageSql().contains(agent.toString()));
        assertFalse(sql.pageSql().contains("DROP"));
        assertEquals(7, sql.pageSql().chars().filter(c -> c == '?').count(), "one placeholder per parameter");
    }

    @Test
    void unassignedNeedsNoParameter() {
        FlagQueueSql sql = FlagQueueSql.of(tenant, FlagQueueQuery.openWork(25).unassigned(), now);
        assertTrue(sql.countSql().endsWith("AND f.assignee_id IS NULL"), sql.countSql());
        assertEquals(List.of(tenant), sql.parameters());
    }

    @Test
    void thePageIsChosenBeforeTheJoinsAndSortedByDueTime() {
        String page = FlagQueueSql.of(tenant, FlagQueueQuery.openWork(25).page(50, 25), now).pageSql();
        int cte = page.indexOf("WITH page AS");
        int join = page.indexOf("JOIN call_session");
        assertTrue(cte >= 0 && join > cte, page);
        assertTrue(page.contains("ORDER BY f.due_at ASC, f.id ASC OFFSET 50 LIMIT 25)"), page);
        assertTrue(page.contains("JOIN agent_profile a ON a.id = f.agent_profile_id"), page);
        assertTrue(page.endsWith("ORDER BY p.due_at ASC, p.id ASC"), page);
        String latest = FlagQueueSql.of(tenant, FlagQueueQuery.openWork(25).dueLatestFirst(true), now).pageSql();
        assertTrue(latest.contains("ORDER BY f.due_at DESC, f.id DESC OFFSET 0 LIMIT 25"), latest);
        assertTrue(latest.endsWith("ORDER BY p.due_at DESC, p.id DESC"), latest);
    }

    @Test
    void nextLocksTheMostUrgentFlagAndSkipsLockedOnes() {
        String next = FlagQueueSql.of(tenant, FlagQueueQuery.openWork(25).dueLatestFirst(true), now).nextSql();
        assertTrue(next.endsWith("ORDER BY f.due_at ASC, f.id ASC LIMIT 1 FOR UPDATE SKIP LOCKED"), next);
    }

    @Test
    void theQueryRefusesContradictionsAndOversizedPages() {
        assertThrows(IllegalArgumentException.class, () -> FlagQueueQuery.openWork(0));
        assertThrows(IllegalArgumentException.class, () -> FlagQueueQuery.openWork(FlagQueueQuery.MAX_PAGE_SIZE + 1));
        assertThrows(IllegalArgumentException.class, () -> FlagQueueQuery.openWork(25).page(-1, 25));
        assertThrows(IllegalArgumentException.class, () -> FlagQueueQuery.openWork(25).olderThan(Duration.ofHours(-1)));
        assertThrows(IllegalArgumentException.class, () -> new FlagQueueQuery(Set.of(), null, null, null, null, false,
                "u-1", true, false, 0, 25));
        assertEquals(FlagQueueQuery.openWork(25).unassigned(), FlagQueueQuery.openWork(25).heldBy("u-1").unassigned());
        assertEquals(null, FlagQueueQuery.openWork(25).heldBy(" ").assigneeId(), "a blank assignee is no filter");
        assertTrue(FlagQueueQuery.openWork(25).onlyOpenWork());
        assertFalse(FlagQueueQuery.openWork(25).inStates(Set.of()).onlyOpenWork());
    }
}
