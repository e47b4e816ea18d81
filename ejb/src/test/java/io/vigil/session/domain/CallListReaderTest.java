package io.vigil.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reader's steps, over a function that answers like PostgreSQL would and records what was asked. */
class CallListReaderTest {

    private final UUID tenant = UUID.randomUUID();
    private final List<String> asked = new ArrayList<>();

    private List<Object[]> answer(String sql, List<Object> parameters) {
        asked.add(sql);
        if (sql.startsWith("SELECT coalesce")) {
            return List.<Object[]>of(new Object[] {35L});
        }
        if (sql.startsWith("SELECT r.day")) {
            return List.of(new Object[] {Date.valueOf("2026-01-03"), 3000L}, new Object[] {Date.valueOf("2026-01-02"), 20L});
        }
        Object[] row = {UUID.randomUUID(), Timestamp.from(Instant.parse("2026-01-02T10:00:00Z")), 61_000L, "PHONE",
            "COMPLETED", "Card services", 2, 1, "GIVEN", "DELIVERED"};
        return List.<Object[]>of(row);
    }

    @Test
    void countsFromTheRollup() {
        assertEquals(35L, new CallListReader(this::answer).count(tenant, CallQuery.firstPage(25)));
        assertTrue(asked.get(0).contains("call_daily_count"));
    }

    @Test
    void aShallowPageIsOneQuery() {
        List<CallSummary> page = new CallListReader(this::answer).page(tenant, CallQuery.firstPage(25));
        assertEquals(1, asked.size());
        assertEquals("Card services v2", page.get(0).agentDisplayName());
        assertEquals(61_000L, page.get(0).durationMs());
        assertTrue(page.get(0).flagged());
    }

    @Test
    void aDeepPageSeeksItsDayFirst() {
        new CallListReader(this::answer).page(tenant, CallQuery.firstPage(25).page(3005, 25));
        assertEquals(2, asked.size());
        assertTrue(asked.get(0).startsWith("SELECT r.day"));
        assertTrue(asked.get(1).contains("OFFSET 5 LIMIT 25"), asked.get(1));
    }

    @Test
    void aPagePastTheEndIsEmptyWithoutAPageQuery() {
        assertTrue(new CallListReader(this::answer).page(tenant, CallQuery.firstPage(25).page(4000, 25)).isEmpty());
        assertEquals(1, asked.size());
    }
}
