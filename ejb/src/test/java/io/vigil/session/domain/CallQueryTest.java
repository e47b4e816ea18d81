package io.vigil.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallQueryTest {

    @Test
    void firstPageIsNewestFirstWithoutFilters() {
        CallQuery q = CallQuery.firstPage(25);
        assertEquals(CallQuery.SortKey.STARTED_AT, q.sortKey());
        assertFalse(q.ascending());
        assertEquals(0, q.offset());
        assertEquals(25, q.limit());
        assertFalse(q.flaggedOnly());
    }

    @Test
    void rejectsPagesTooLargeOrNegative() {
        assertThrows(IllegalArgumentException.class, () -> CallQuery.firstPage(0));
        assertThrows(IllegalArgumentException.class, () -> CallQuery.firstPage(CallQuery.MAX_PAGE_SIZE + 1));
        assertThrows(IllegalArgumentException.class, () -> CallQuery.firstPage(25).page(-1, 25));
    }

    @Test
    void rejectsARangeThatEndsBeforeItStarts() {
        Instant now = Instant.parse("2026-01-02T00:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> CallQuery.firstPage(25).between(now, now.minusSeconds(1)));
    }

    @Test
    void withersKeepTheOtherFields() {
        UUID agent = UUID.randomUUID();
        CallQuery q = CallQuery.firstPage(25).agent(agent).channel(Channel.PHONE).flagged(true)
                .sortedBy(CallQuery.SortKey.DURATION, true).page(50, 10);
        assertEquals(agent, q.agentProfileId());
        assertEquals(Channel.PHONE, q.channel());
        assertTrue(q.flaggedOnly());
        assertEquals(CallQuery.SortKey.DURATION, q.sortKey());
        assertTrue(q.ascending());
        assertEquals(50, q.offset());
        assertEquals(10, q.limit());
    }
}
