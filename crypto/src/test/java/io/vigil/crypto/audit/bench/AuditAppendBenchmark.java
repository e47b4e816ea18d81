package io.vigil.crypto.audit.bench;

import io.vigil.crypto.audit.AuditFixture;
import io.vigil.crypto.audit.AuditLogWriter;
import io.vigil.crypto.audit.InMemoryAuditTreeStore;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appends per second on one thread into the in-memory store: building the entry, its canonical encoding, the leaf
 * hash, the frontier merges and storing every node, so that any proof is available right after each append.
 * Each iteration starts an empty log.
 *
 * <p>Run: {@code mvn -B -q -pl crypto test-compile -DskipTests && mvn -B -pl crypto exec:exec -Dbench=Audit}
 * (all audit benchmarks; see docs/benchmarks.md). Figures for a report, never assertions.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditAppendBenchmark {

    private AuditLogWriter writer;

    @Setup(Level.Iteration)
    public void emptyLog() {
        writer = AuditLogWriter.open(new InMemoryAuditTreeStore());
    }

    @Benchmark
    public byte[] append() {
        return writer.append(AuditFixture.entry(writer.size()));
    }
}
