package io.vigil.review.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountSeriesTest {

    @Test
    void pivotsCountsIntoOneSeriesPerKeyWithZerosWhereNothingWasCounted() {
        CountSeries s = CountSeries.of(List.of("2026-03-01", "2026-03-02", "2026-03-03"), List.of(
                new CountSeries.Count("2026-03-03", "PROMPT_INJECTION", 2),
                new CountSeries.Count("2026-03-01", "ABNORMAL_LATENCY", 5),
                new CountSeries.Count("2026-03-03", "ABNORMAL_LATENCY", 1)));
        assertEquals(List.of("2026-03-01", "2026-03-02", "2026-03-03"), s.labels());
        assertEquals(2, s.series().size());
        assertEquals("ABNORMAL_LATENCY", s.series().get(0).name());
        assertEquals(List.of(5L, 0L, 1L), s.series().get(0).values());
        assertEquals(List.of(0L, 0L, 2L), s.series().get(1).values());
    }

    @Test
    void labelsNotGivenUpFrontComeFromTheRowsInOrder() {
        CountSeries s = CountSeries.of(List.of(), List.of(new CountSeries.Count("Card v2", "Latency", 3),
                new CountSeries.Count("Card v1", "Tone", 1), new CountSeries.Count("Card v2", "Tone", 4)));
        assertEquals(List.of("Card v2", "Card v1"), s.labels());
        assertEquals(List.of(3L, 0L), s.series().get(0).values());
        assertEquals(List.of(4L, 1L), s.series().get(1).values());
        assertTrue(CountSeries.of(List.of("a"), List.of()).isEmpty());
    }

    @Test
    void bargeInRateIsAShareOfCalls() {
        assertEquals(25.0, new AgentVersionLatency("Card", 2, 8, 2, 900.0, 1800.0).bargeInRatePercent());
        assertEquals(0.0, new AgentVersionLatency("Card", 2, 0, 0, null, null).bargeInRatePercent());
        assertEquals("Card v2", new AgentVersionLatency("Card", 2, 0, 0, null, null).label());
    }
}
