package io.vigil.crypto.bench;

import io.vigil.crypto.keys.DataKey;
import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.WrappedDataKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rotation's key work: rewrapping 100,000 data keys (unwrap under the old version, wrap under the new) on one
 * thread, in SoftHSM2 and BCFKS. Before each measured run the key is rotated, so every run moves all keys from
 * version n to n+1 as the rewrap job does. The job adds its database updates (500 per transaction) on top.
 *
 * <p>Run: {@code mvn -B -q -pl crypto test-compile -DskipTests && mvn -B -pl crypto exec:exec -Dbench=KeyRewrap}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 0)
@Measurement(iterations = 2)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyRewrapBenchmark {

    static final int DATA_KEYS = 100_000;

    @Param({"pkcs11", "bcfks"})
    public String provider;

    private KeyProvider keyProvider;
    private KeyName kek;
    private DataKeyWrapper keys;
    private WrappedDataKey[] wrapped;

    @Setup(Level.Trial)
    public void issueDataKeys() throws Exception {
        keyProvider = BenchKeys.open(provider);
        kek = new KeyName("bench-rewrap-" + System.nanoTime(), KeyDomain.AUDIO);
        keyProvider.createVersion(kek);
        keys = DataKeyWrapper.create(keyProvider);
        wrapped = new WrappedDataKey[DATA_KEYS];
        for (int i = 0; i < DATA_KEYS; i++) {
            try (DataKey key = keys.newDataKey(kek, KeyWrapBenchmark.CONTEXT)) {
                wrapped[i] = key.wrapped();
            }
        }
    }

    @Setup(Level.Iteration)
    public void rotate() throws Exception {
        keyProvider.createVersion(kek);
    }

    @Benchmark
    public int rewrapAll() throws Exception {
        for (int i = 0; i < DATA_KEYS; i++) {
            wrapped[i] = keys.rewrap(wrapped[i], KeyWrapBenchmark.CONTEXT);
        }
        return wrapped.length;
    }
}
