package io.vigil.crypto.audit.bench;

import io.vigil.crypto.audit.AuditFixture;
import io.vigil.crypto.audit.AuditLogWriter;
import io.vigil.crypto.audit.ConsistencyProof;
import io.vigil.crypto.audit.InMemoryAuditTreeStore;
import io.vigil.crypto.audit.InclusionProof;
import io.vigil.crypto.audit.ProofVerifier;
import io.vigil.crypto.audit.TreeProofs;
import java.util.SplittableRandom;
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
 * Proofs over a 1,000,000-entry log in the in-memory store: an inclusion proof of a random entry, a consistency
 * proof from a random earlier size, and checking an inclusion proof (what an auditor's client does per entry).
 * The store's cost here is a heap copy; PostgreSQL adds one round trip per proof (one batched look-up).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuditProofBenchmark {

    private static final int SIZE = 1_000_000;

    private TreeProofs proofs;
    private ProofVerifier verifier;
    private byte[][] leaves;
    private byte[] root;
    private InclusionProof[] sampleProofs;
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup(Level.Trial)
    public void millionEntryLog() {
        InMemoryAuditTreeStore store = new InMemoryAuditTreeStore();
        AuditLogWriter writer = AuditLogWriter.open(store);
        leaves = new byte[SIZE][];
        for (int seq = 0; seq < SIZE; seq++) {
            leaves[seq] = writer.append(AuditFixture.entry(seq));
        }
        root = writer.root();
        proofs = TreeProofs.over(store);
        verifier = ProofVerifier.create();
        sampleProofs = new InclusionProof[1024];
        for (int i = 0; i < sampleProofs.length; i++) {
            sampleProofs[i] = proofs.inclusion(random.nextInt(SIZE), SIZE);
        }
    }

    @Benchmark
    public InclusionProof inclusionProof() {
        return proofs.inclusion(random.nextInt(SIZE), SIZE);
    }

    @Benchmark
    public ConsistencyProof consistencyProof() {
        return proofs.consistency(1 + random.nextInt(SIZE - 1), SIZE);
    }

    @Benchmark
    public boolean verifyInclusionProof() {
        InclusionProof proof = sampleProofs[random.nextInt(sampleProofs.length)];
        if (!verifier.verifyInclusion(proof, leaves[(int) proof.leafIndex()], root)) {
            throw new IllegalStateException("a valid proof failed");
        }
        return true;
    }
}
