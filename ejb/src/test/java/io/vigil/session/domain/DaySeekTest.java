package io.vigil.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaySeekTest {

    private final LocalDate d3 = LocalDate.parse("2026-01-03");
    private final LocalDate d2 = LocalDate.parse("2026-01-02");
    private final LocalDate d1 = LocalDate.parse("2026-01-01");
    private final List<DaySeek.DayCount> newestFirst = List.of(
            new DaySeek.DayCount(d3, 10), new DaySeek.DayCount(d2, 5), new DaySeek.DayCount(d1, 20));

    @Test
    void findsTheDayHoldingTheOffset() {
        assertEquals(new DaySeek(d3, 0), DaySeek.locate(newestFirst, 0).orElseThrow());
        assertEquals(new DaySeek(d3, 0), DaySeek.locate(newestFirst, 9).orElseThrow());
        assertEquals(new DaySeek(d2, 10), DaySeek.locate(newestFirst, 10).orElseThrow());
        assertEquals(new DaySeek(d2, 10), DaySeek.locate(newestFirst, 14).orElseThrow());
        assertEquals(new DaySeek(d1, 15), DaySeek.locate(newestFirst, 15).orElseThrow());
        assertEquals(new DaySeek(d1, 15), DaySeek.locate(newestFirst, 34).orElseThrow());
    }

    @Test
    void anOffsetPastTheEndFindsNothing() {
        assertTrue(DaySeek.locate(newestFirst, 35).isEmpty());
        assertTrue(DaySeek.locate(List.of(), 0).isEmpty());
    }
}
