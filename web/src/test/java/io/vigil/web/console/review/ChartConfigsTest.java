package io.vigil.web.console.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.review.domain.AgentVersionLatency;
import io.vigil.review.domain.CountSeries;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartConfigsTest {

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void countsBecomeStackedBarsWithOneDatasetPerSeries() {
        CountSeries counts = CountSeries.of(List.of("2026-03-01", "2026-03-02"),
                List.of(new CountSeries.Count("2026-03-02", "PII_SPOKEN_BY_AGENT", 3)));
        JsonObject chart = parse(ChartConfigs.stackedBars(counts, "flags raised"));
        assertEquals("bar", chart.getString("type"));
        assertEquals(List.of("2026-03-01", "2026-03-02"), chart.getJsonObject("data").getJsonArray("labels")
                .getValuesAs(jakarta.json.JsonString::getString));
        JsonObject dataset = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        assertEquals("PII_SPOKEN_BY_AGENT", dataset.getString("label"));
        assertEquals("[0,3]", dataset.getJsonArray("data").toString());
        assertEquals(true, chart.getJsonObject("options").getJsonObject("scales").getJsonObject("y")
                .getBoolean("stacked"));
    }

    @Test
    void latencyHasMedianAndP95BarsAndTheBargeInRateOnItsOwnAxis() {
        JsonObject chart = parse(ChartConfigs.latency(List.of(new AgentVersionLatency("Card", 1, 4, 1, 812.5, 1900.0),
                new AgentVersionLatency("Card", 2, 2, 0, null, null))));
        var datasets = chart.getJsonObject("data").getJsonArray("datasets");
        assertEquals("[\"Card v1\",\"Card v2\"]", chart.getJsonObject("data").getJsonArray("labels").toString());
        assertEquals("[813,null]", datasets.getJsonObject(0).getJsonArray("data").toString());
        assertEquals("[1900,null]", datasets.getJsonObject(1).getJsonArray("data").toString());
        assertEquals("[25.0,0.0]", datasets.getJsonObject(2).getJsonArray("data").toString());
        assertEquals("rate", datasets.getJsonObject(2).getString("yAxisID"));
    }
}
