package io.vigil.web.console.review;

import io.vigil.review.domain.AgentVersionLatency;
import io.vigil.review.domain.CountSeries;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Chart.js configurations (as JSON, what PrimeFaces' {@code p:chart} takes) for the review dashboards: stacked bars
 * for counts, bars and a line on a second axis for latency and barge-ins. Colours cycle through a fixed palette so
 * a series keeps its colour between reloads.
 */
final class ChartConfigs {

    private static final List<String> PALETTE = List.of("#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed",
            "#0891b2", "#db2777", "#65a30d", "#9ca3af", "#b45309", "#4f46e5", "#0d9488");

    private ChartConfigs() {
    }

    static String stackedBars(CountSeries counts, String yTitle) {
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (int i = 0; i < counts.series().size(); i++) {
            CountSeries.Series s = counts.series().get(i);
            JsonArrayBuilder data = Json.createArrayBuilder();
            s.values().forEach(data::add);
            datasets.add(Json.createObjectBuilder().add("label", s.name()).add("data", data)
                    .add("backgroundColor", PALETTE.get(i % PALETTE.size())));
        }
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("x", Json.createObjectBuilder().add("stacked", true))
                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                        .add("ticks", Json.createObjectBuilder().add("precision", 0))
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", yTitle)));
        return chart("bar", labels(counts.labels()), datasets, scales);
    }

    static String latency(List<AgentVersionLatency> rows) {
        JsonArrayBuilder median = Json.createArrayBuilder();
        JsonArrayBuilder p95 = Json.createArrayBuilder();
        JsonArrayBuilder bargeIns = Json.createArrayBuilder();
        for (AgentVersionLatency r : rows) {
            addOrNull(median, r.medianMs());
            addOrNull(p95, r.p95Ms());
            bargeIns.add(Math.round(r.bargeInRatePercent() * 10) / 10.0);
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "bar").add("label", "median response latency (ms)")
                        .add("data", median).add("backgroundColor", PALETTE.get(0)).add("yAxisID", "y"))
                .add(Json.createObjectBuilder().add("type", "bar").add("label", "p95 response latency (ms)")
                        .add("data", p95).add("backgroundColor", "#93c5fd").add("yAxisID", "y"))
                .add(Json.createObjectBuilder().add("type", "line").add("label", "calls with a barge-in (%)")
                        .add("data", bargeIns).add("borderColor", PALETTE.get(4)).add("backgroundColor", PALETTE.get(4))
                        .add("yAxisID", "rate"));
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("y", Json.createObjectBuilder().add("beginAtZero", true).add("position", "left")
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "ms")))
                .add("rate", Json.createObjectBuilder().add("beginAtZero", true).add("max", 100).add("position", "right")
                        .add("grid", Json.createObjectBuilder().add("drawOnChartArea", false))
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "% of calls")));
        return chart("bar", labels(rows.stream().map(AgentVersionLatency::label).toList()), datasets, scales);
    }

    private static String chart(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, JsonObjectBuilder scales) {
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                        .add("scales", scales)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder()
                                .add("position", "bottom"))))
                .build().toString();
    }

    private static JsonArrayBuilder labels(List<String> labels) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        labels.forEach(array::add);
        return array;
    }

    private static void addOrNull(JsonArrayBuilder array, Double value) {
        if (value == null) {
            array.addNull();
        } else {
            array.add(Math.round(value));
        }
    }
}
