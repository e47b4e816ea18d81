package io.vigil.redaction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.redaction.DetectedEntity;
import io.vigil.redaction.EntityType;
import io.vigil.redaction.RedactionEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the engine on a labelled corpus at token level: each whitespace-separated token of an utterance is gold for
 * type T if a gold span of T overlaps it, predicted for T if a predicted span of T does. Per type, a token gold and
 * predicted is a true positive, gold only a false negative, predicted only a false positive; "overall" sums the
 * counts over types (micro average). F2 weighs recall four times precision because a leak costs more than an
 * over-redaction.
 *
 * <p>Corpus lines: {@code {"id": "...", "text": "...", "labels": [{"type": "...", "start": n, "end": n}]}}.
 */
public final class CorpusEvaluator {

    /** Token counts for one type. */
    public static final class Counts {
        long tp;
        long fp;
        long fn;

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        public double f2() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 5 * p * r / (4 * p + r);
        }

        public long support() {
            return tp + fn;
        }
    }

    /** A gold span not fully covered by a prediction of its type, or a predicted span with no gold of its type. */
    public record Error(String id, String kind, EntityType type, String text, String spanText, String predicted) {
        @Override
        public String toString() {
            return kind + " " + id + " " + type + " \"" + spanText + "\"  in: " + text + (predicted.isEmpty() ? ""
                    : "  predicted: " + predicted);
        }
    }

    /** The result of one run. */
    public record Report(Map<EntityType, Counts> byType, Counts overall, Map<String, Counts> bySource,
                         List<Error> misses, List<Error> falsePositives, int utterances, int negatives) {
    }

    private final RedactionEngine engine;
    private final ObjectMapper json = new ObjectMapper();

    public CorpusEvaluator(RedactionEngine engine) {
        this.engine = engine;
    }

    public Report evaluate(BufferedReader corpus) {
        Map<EntityType, Counts> byType = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            byType.put(t, new Counts());
        }
        Map<String, Counts> bySource = new java.util.TreeMap<>();
        List<Error> misses = new ArrayList<>();
        List<Error> fps = new ArrayList<>();
        int utterances = 0;
        int negatives = 0;
        try {
            for (String line; (line = corpus.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String id = node.path("id").asText();
                String text = node.path("text").asText();
                List<DetectedEntity> gold = new ArrayList<>();
                for (JsonNode l : node.path("labels")) {
                    gold.add(new DetectedEntity(EntityType.valueOf(l.path("type").asText()), l.path("start").asInt(),
                            l.path("end").asInt(), 1, "gold", "label", null));
                }
                utterances++;
                if (gold.isEmpty()) {
                    negatives++;
                }
                List<DetectedEntity> predicted = engine.detect(text);
                Map<EntityType, Counts> local = new EnumMap<>(EntityType.class);
                for (EntityType t : EntityType.values()) {
                    local.put(t, new Counts());
                }
                score(text, gold, predicted, local);
                Counts source = bySource.computeIfAbsent(node.path("source").asText("unknown"), k -> new Counts());
                for (EntityType t : EntityType.values()) {
                    add(byType.get(t), local.get(t));
                    add(source, local.get(t));
                }
                collectErrors(id, text, gold, predicted, misses, fps);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Counts overall = new Counts();
        for (Counts c : byType.values()) {
            add(overall, c);
        }
        return new Report(byType, overall, bySource, misses, fps, utterances, negatives);
    }

    private static void add(Counts into, Counts c) {
        into.tp += c.tp;
        into.fp += c.fp;
        into.fn += c.fn;
    }

    private static void score(String text, List<DetectedEntity> gold, List<DetectedEntity> predicted,
                              Map<EntityType, Counts> byType) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            Set<EntityType> g = typesOver(gold, start, i);
            Set<EntityType> p = typesOver(predicted, start, i);
            for (EntityType t : g) {
                if (p.contains(t)) {
                    byType.get(t).tp++;
                } else {
                    byType.get(t).fn++;
                }
            }
            for (EntityType t : p) {
                if (!g.contains(t)) {
                    byType.get(t).fp++;
                }
            }
        }
    }

    private static Set<EntityType> typesOver(List<DetectedEntity> spans, int start, int end) {
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        for (DetectedEntity e : spans) {
            if (e.start() < end && start < e.end()) {
                types.add(e.type());
            }
        }
        return types;
    }

    private static void collectErrors(String id, String text, List<DetectedEntity> gold,
                                      List<DetectedEntity> predicted, List<Error> misses, List<Error> fps) {
        for (DetectedEntity g : gold) {
            int covered = 0;
            for (DetectedEntity p : predicted) {
                if (p.type() == g.type() && p.overlaps(g)) {
                    covered += Math.min(p.end(), g.end()) - Math.max(p.start(), g.start());
                }
            }
            if (covered < g.length()) {
                misses.add(new Error(id, covered == 0 ? "MISS" : "PARTIAL", g.type(), text,
                        text.substring(g.start(), g.end()), describe(text, predicted, g)));
            }
        }
        for (DetectedEntity p : predicted) {
            boolean matched = false;
            for (DetectedEntity g : gold) {
                matched |= g.type() == p.type() && g.overlaps(p);
            }
            if (!matched) {
                fps.add(new Error(id, "FALSE_POSITIVE", p.type(), text, text.substring(p.start(), p.end()),
                        p.recognizer() + ": " + p.reason()));
            }
        }
    }

    private static String describe(String text, List<DetectedEntity> predicted, DetectedEntity near) {
        StringBuilder sb = new StringBuilder();
        for (DetectedEntity p : predicted) {
            if (p.overlaps(near)) {
                sb.append(p.type()).append("=\"").append(text, p.start(), p.end()).append("\" ");
            }
        }
        return sb.toString().strip();
    }

    /** The per-type table as printed by {@link EvaluateCli} and copied into docs/redaction.md. */
    public static String table(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-16s %8s %8s %9s %6s%n", "type", "recall", "precision", "F2", "tokens"));
        for (Map.Entry<EntityType, Counts> e : report.byType().entrySet()) {
            Counts c = e.getValue();
            sb.append(String.format("%-16s %8.3f %8.3f %9.3f %6d%n", e.getKey(), c.recall(), c.precision(), c.f2(),
                    c.support()));
        }
        Counts o = report.overall();
        sb.append(String.format("%-16s %8.3f %8.3f %9.3f %6d%n", "OVERALL", o.recall(), o.precision(), o.f2(),
                o.support()));
        sb.append(String.format("%nby source (all types):%n"));
        for (Map.Entry<String, Counts> e : report.bySource().entrySet()) {
            Counts c = e.getValue();
            sb.append(String.format("%-18s %8.3f %8.3f %9.3f %6d%n", e.getKey(), c.recall(), c.precision(), c.f2(),
                    c.support()));
        }
        return sb.toString();
    }
}
