package io.vigil.redaction.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.redaction.RedactionEngine;
import io.vigil.redaction.RedactionResult;
import io.vigil.redaction.SpokenFormNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread speed of the redaction engine on the labelled corpus ({@code /redaction/corpus.jsonl}, all 872
 * utterances, shuffled once with a fixed seed so long and short, positive and negative utterances are interleaved).
 *
 * <p>Every benchmark call processes ONE utterance, the next one in that order. The {@code megabytes} secondary result
 * of the throughput benchmarks is MB (10^6 bytes of UTF-8 transcript text) per second on one core; JMH prints it with
 * the unit "ops/s" because it normalises every counter by time. The {@code redactLatency} benchmark samples the time
 * of single calls and prints p50/p99/p99.9.
 *
 * <p>Run: {@code mvn -B -q -pl ejb -am test-compile -DskipTests && mvn -B -pl ejb exec:exec -Dbench=RedactionBenchmark}
 * (see docs/benchmarks.md). Results are numbers for a report, never assertions.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class RedactionBenchmark {

    private RedactionEngine engine;
    private SpokenFormNormalizer normalizer;
    private String[] utterances;
    private int[] utf8Bytes;

    /** Position in the utterance cycle and the bytes processed so far; one per benchmark thread. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Progress {
        /** Transcript MB (10^6 bytes) processed; JMH divides by time, so it reads as MB/s. */
        public double megabytes;
        int next;
        private long cpuStart;
        private long wallStart;

        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
            cpuStart = CPU.getCurrentThreadCpuTime();
            wallStart = System.nanoTime();
        }

        /**
         * Also prints MB per second of this thread's CPU time: on a shared machine other processes steal the core now
         * and then, which lowers the wall-clock figure but not this one.
         */
        @TearDown(Level.Iteration)
        public void report() {
            double cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double wall = (System.nanoTime() - wallStart) / 1e9;
            System.out.printf("[per core] %.2f MB/s of thread CPU time (%.2f MB/s wall clock, CPU %.0f%% of wall)%n",
                    megabytes / cpu, megabytes / wall, 100 * cpu / wall);
        }
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Setup(Level.Trial)
    public void load() throws IOException {
        engine = RedactionEngine.createDefault();
        normalizer = new SpokenFormNormalizer();
        List<String> texts = readCorpus();
        Collections.shuffle(texts, new Random(42));
        utterances = texts.toArray(new String[0]);
        utf8Bytes = new int[utterances.length];
        long total = 0;
        for (int i = 0; i < utterances.length; i++) {
            utf8Bytes[i] = utterances[i].getBytes(StandardCharsets.UTF_8).length;
            total += utf8Bytes[i];
        }
        System.out.printf("%n[corpus] %d utterances, %d bytes, %.1f bytes per utterance%n", utterances.length, total,
                (double) total / utterances.length);
    }

    static List<String> readCorpus() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (InputStream in = RedactionBenchmark.class.getResourceAsStream("/redaction/corpus.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("/redaction/corpus.jsonl is not on the classpath; run test-compile "
                        + "on the ejb module first");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    texts.add(node.get("text").asText());
                }
            }
        }
        return texts;
    }

    private int advance(Progress p) {
        int i = p.next;
        p.next = i + 1 == utterances.length ? 0 : i + 1;
        p.megabytes += utf8Bytes[i] * 1e-6;
        return i;
    }

    /** Full pipeline (normalise, recognise, resolve, render) on one utterance; see {@code megabytes} for MB/s. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public RedactionResult redactThroughput(Progress p) {
        return engine.redact(utterances[advance(p)]);
    }

    /** Distribution of the time to redact one utterance (p50, p99, p99.9 in the output). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public RedactionResult redactLatency(Progress p) {
        return engine.redact(utterances[advance(p)]);
    }

    /** The normaliser alone, to see its share of the pipeline. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void normalizeThroughput(Progress p, Blackhole bh) {
        bh.consume(normalizer.normalize(utterances[advance(p)]));
    }
}
