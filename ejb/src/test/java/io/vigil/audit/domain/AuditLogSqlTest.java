package io.vigil.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditLogSqlTest {

    private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    @Test
    void theTenantPredicateComesFirstAndAlone() {
        AuditLogSql sql = AuditLogSql.of(TENANT, AuditLogQuery.firstPage(25));
        assertTrue(sql.pageSql().contains("WHERE e.tenant_id = ? ORDER BY e.at DESC, e.seq DESC OFFSET 0 LIMIT 25"), sql.pageSql());
        assertEquals("SELECT count(*) FROM audit_entry e WHERE e.tenant_id = ?", sql.countSql());
        assertEquals(List.of(TENANT), sql.parameters());
        assertThrows(IllegalArgumentException.class, () -> AuditLogSql.of(null, AuditLogQuery.firstPage(25)));
    }

    @Test
    void everyFilterAddsItsPredicateInOrder() {
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-02T00:00:00Z");
        AuditLogQuery query = AuditLogQuery.firstPage(50).between(from, to).user("Dana_50%").action("review.")
                .object("flag", "f-1").page(100, 50);
        AuditLogSql sql = AuditLogSql.of(TENANT, query);
        String where = sql.countSql().substring(sql.countSql().indexOf("WHERE"));
        assertEquals("WHERE e.tenant_id = ? AND e.at >= ? AND e.at < ? AND (e.actor = ? OR e.details->>'actor_name' ILIKE ?"
                + " ESCAPE '\\') AND e.action LIKE ? ESCAPE '\\' AND e.object_type = ? AND e.object_id = ?", where);
        assertEquals(List.of(TENANT, Timestamp.from(from), Timestamp.from(to), "Dana_50%", "%Dana\\_50\\%%", "review.%",
                "flag", "f-1"), sql.parameters());
        assertTrue(sql.pageSql().endsWith("OFFSET 100 LIMIT 50"));
    }

    @Test
    void blankFiltersAreAbsentAndBadPagesRefused() {
        AuditLogQuery query = AuditLogQuery.firstPage(10).user("  ").action("").object(" ", null);
        assertEquals(List.of(TENANT), AuditLogSql.of(TENANT, query).parameters());
        assertThrows(IllegalArgumentException.class, () -> AuditLogQuery.firstPage(0));
        assertThrows(IllegalArgumentException.class, () -> AuditLogQuery.firstPage(201));
        assertThrows(IllegalArgumentException.class, () -> AuditLogQuery.firstPage(10).page(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> AuditLogQuery.firstPage(10)
                .between(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")));
    }

    @Test
    void theReaderMapsRows() {
        List<String> asked = new ArrayList<>();
        AuditLogReader reader = new AuditLogReader((sql, params) -> {
            asked.add(sql);
            return sql.startsWith("SELECT count")
                    ? List.<Object[]>of(new Object[] {7L})
                    : List.<Object[]>of(new Object[] {3L, Timestamp.from(Instant.parse("2026-03-01T10:00:00Z")), "user:u",
                            "Dana", "call.view", "call_session", "c-1", "192.0.2.7", "success", "{\"via\": \"api\"}"});
        });
        assertEquals(7, reader.count(TENANT, AuditLogQuery.firstPage(5)));
        AuditRecord row = reader.page(TENANT, AuditLogQuery.firstPage(5)).get(0);
        assertEquals(3, row.seq());
        assertEquals("Dana (user:u)", row.who());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), row.at());
        assertEquals(2, asked.size());
    }
}
