package io.vigil.review.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts by two keys (e.g. day × reason, agent version × category) pivoted for a chart: the x labels in order, and
 * one series per second key with a value for every label (0 where nothing was counted).
 */
public final class CountSeries {

    /** One aggregate row: x (a day, an agent version), the series it belongs to, and its count. */
    public record Count(String x, String series, long count) {
    }

    public record Series(String name, List<Long> values) {
    }

    private final List<String> labels;
    private final List<Series> series;

    private CountSeries(List<String> labels, List<Series> series) {
        this.labels = List.copyOf(labels);
        this.series = List.copyOf(series);
    }

    /** Pivots rows; labels come from {@code xs} (keeping its order, e.g. every day of a window) plus any row's x. */
    public static CountSeries of(List<String> xs, List<Count> rows) {
        List<String> labels = new ArrayList<>(xs);
        for (Count c : rows) {
            if (!labels.contains(c.x())) {
                labels.add(c.x());
            }
        }
        Map<String, long[]> bySeries = new LinkedHashMap<>();
        for (String name : new TreeSet<>(rows.stream().map(Count::series).toList())) {
            bySeries.put(name, new long[labels.size()]);
        }
        for (Count c : rows) {
            bySeries.get(c.series())[labels.indexOf(c.x())] += c.count();
        }
        List<Series> series = new ArrayList<>();
        bySeries.forEach((name, values) -> series.add(new Series(name,
                java.util.Arrays.stream(values).boxed().toList())));
        return new CountSeries(labels, series);
    }

    public List<String> labels() { return labels; }
    public List<Series> series() { return series; }
    public boolean isEmpty() { return series.isEmpty(); }
}
