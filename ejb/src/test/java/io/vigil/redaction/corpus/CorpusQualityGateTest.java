package io.vigil.redaction.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.redaction.EntityType;
import io.vigil.redaction.RedactionEngine;
import io.vigil.redaction.cli.CorpusEvaluator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quality gate of the redaction engine on the labelled corpus: token-level recall at least 0.97 and precision at
 * least 0.90 overall, and no entity type under 0.90 recall. Also checks the corpus itself is as specified: at least
 * 500 utterances, every type present, at least a third without any entity, and identical to what the seeded generator
 * produces (so nobody hand-edits labels to pass the gate).
 */
class CorpusQualityGateTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = CorpusQualityGateTest.class.getResourceAsStream("/redaction/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /redaction/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static CorpusEvaluator.Report evaluate() throws IOException {
        InputStream in = CorpusQualityGateTest.class.getResourceAsStream("/redaction/corpus.jsonl");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new CorpusEvaluator(RedactionEngine.createDefault()).evaluate(r);
        }
    }

    @Test
    void meetsRecallAndPrecisionTargets() throws IOException {
        CorpusEvaluator.Report report = evaluate();
        String table = CorpusEvaluator.table(report) + "\nmisses:\n" + report.misses();
        assertTrue(report.overall().recall() >= 0.97, table);
        assertTrue(report.overall().precision() >= 0.90, table);
        for (Map.Entry<EntityType, CorpusEvaluator.Counts> e : report.byType().entrySet()) {
            assertTrue(e.getValue().support() > 0, "no gold tokens for " + e.getKey());
            assertTrue(e.getValue().recall() >= 0.90, e.getKey() + " recall too low\n" + table);
        }
    }

    @Test
    void corpusHasTheRequiredShape() throws IOException {
        CorpusEvaluator.Report report = evaluate();
        assertTrue(report.utterances() >= 500, "utterances " + report.utterances());
        assertTrue(report.negatives() * 3 >= report.utterances(), "negatives " + report.negatives());
        assertTrue(report.bySource().containsKey("handwritten"));
    }

    @Test
    void committedCorpusIsWhatTheSeededGeneratorWrites() throws IOException {
        String regenerated = new CorpusGenerator().generate(resource("handwritten.txt"));
        assertEquals(regenerated, resource("corpus.jsonl"), "corpus.jsonl is stale or hand-edited; regenerate it "
                + "with CorpusGenerator (see docs/redaction.md)");
    }
}
