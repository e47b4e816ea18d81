package io.vigil.redaction.cli;

import io.vigil.redaction.RedactionEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the default engine on the labelled corpus and prints token-level recall, precision and F2 per entity type and
 * overall, then every miss and false positive. Usage: {@code EvaluateCli [--corpus corpus.jsonl]}; without
 * {@code --corpus} it uses ejb/src/test/resources/redaction/corpus.jsonl (from the repository root or the ejb
 * directory), else /redaction/corpus.jsonl on the classpath. Exit code 0.
 */
public final class EvaluateCli {

    private EvaluateCli() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--corpus") && i + 1 < args.length) {
                corpus = Path.of(args[++i]);
            } else {
                System.err.println("usage: EvaluateCli [--corpus corpus.jsonl]");
                System.exit(2);
            }
        }
        CorpusEvaluator.Report report;
        try (BufferedReader in = open(corpus)) {
            report = new CorpusEvaluator(RedactionEngine.createDefault()).evaluate(in);
        }
        System.out.printf("corpus: %d utterances, %d without any entity%n%n", report.utterances(),
                report.negatives());
        System.out.print(CorpusEvaluator.table(report));
        System.out.printf("%nmisses (%d):%n", report.misses().size());
        report.misses().forEach(m -> System.out.println("  " + m));
        System.out.printf("%nfalse positives (%d):%n", report.falsePositives().size());
        report.falsePositives().forEach(m -> System.out.println("  " + m));
    }

    static BufferedReader open(Path corpus) throws IOException {
        if (corpus == null) {
            for (String candidate : new String[] {"ejb/src/test/resources/redaction/corpus.jsonl",
                    "src/test/resources/redaction/corpus.jsonl"}) {
                if (Files.isRegularFile(Path.of(candidate))) {
                    corpus = Path.of(candidate);
                    break;
                }
            }
        }
        if (corpus != null) {
            return Files.newBufferedReader(corpus, StandardCharsets.UTF_8);
        }
        InputStream in = EvaluateCli.class.getResourceAsStream("/redaction/corpus.jsonl");
        if (in == null) {
            throw new IOException("No corpus found; pass --corpus path/to/corpus.jsonl or run from the repository "
                    + "root");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
