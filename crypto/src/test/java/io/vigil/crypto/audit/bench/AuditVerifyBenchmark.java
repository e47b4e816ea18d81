package io.vigil.crypto.audit.bench;

import io.vigil.crypto.audit.AuditExport;
import io.vigil.crypto.audit.AuditFixture;
import io.vigil.crypto.audit.AuditLogVerifier;
import io.vigil.crypto.audit.CheckpointKey;
import io.vigil.crypto.audit.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The offline verifier on a 1,000,000-entry export read from a file (as {@code AuditVerifyCli} does): every line
 * parsed and checked canonical, every leaf re-hashed, the tree rebuilt, 100 checkpoints (one per 10,000 entries)
 * signature-checked, root-checked and consistency-proved. One whole verification per measured call; the figure
 * is seconds per verification.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditVerifyBenchmark {

    private static final int SIZE = 1_000_000;

    private Path directory;
    private Path entries;
    private List<String> notes;
    private CheckpointKey key;

    @Setup(Level.Trial)
    public void export() throws Exception {
        AuditFixture.Export export = AuditFixture.export(SIZE, 10_000, AuditFixture.signer(AuditFixture.keyPair()));
        directory = Files.createTempDirectory("audit-verify-bench");
        entries = Files.write(directory.resolve("entries.jsonl"), export.entries());
        notes = AuditExport.splitCheckpoints(export.checkpoints());
        key = CheckpointKey.fromPem(export.publicKeyPem());
        System.out.printf("%nexport: %,d entries, %,d bytes, %d checkpoints%n", SIZE, Files.size(entries), notes.size());
    }

    @Benchmark
    public VerificationReport verifyMillionEntries() throws IOException {
        try (InputStream in = Files.newInputStream(entries)) {
            VerificationReport report = AuditLogVerifier.verify(in, notes, key, AuditFixture.ORIGIN);
            if (!report.intact()) {
                throw new IllegalStateException("the untouched export did not verify: " + report);
            }
            return report;
        }
    }

    @TearDown(Level.Trial)
    public void removeExport() throws IOException {
        Files.deleteIfExists(entries);
        Files.deleteIfExists(directory);
    }
}
