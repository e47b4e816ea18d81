package io.vigil.crypto.bench;

import io.vigil.crypto.keys.DataKey;
import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.WrappedDataKey;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Data keys wrapped (a fresh 256-bit key encrypted under the tenant key with AES-GCM in the provider) and unwrapped
 * per second on one thread, in the BCFKS keystore and in SoftHSM2 through SunPKCS11.
 *
 * <p>Run: {@code mvn -B -q -pl crypto test-compile -DskipTests && mvn -B -pl crypto exec:exec -Dbench=KeyWrap}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Threads(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyWrapBenchmark {

    static final byte[] CONTEXT = "bench/tenant/session/track/audio".getBytes(StandardCharsets.UTF_8);

    @Param({"bcfks", "pkcs11"})
    public String provider;

    private KeyName kek;
    private DataKeyWrapper keys;
    private WrappedDataKey wrapped;

    @Setup
    public void setUp() throws Exception {
        KeyProvider keyProvider = BenchKeys.open(provider);
        kek = new KeyName("bench-wrap-" + System.nanoTime(), KeyDomain.AUDIO);
        keyProvider.createVersion(kek);
        keys = DataKeyWrapper.create(keyProvider);
        try (DataKey key = keys.newDataKey(kek, CONTEXT)) {
            wrapped = key.wrapped();
        }
    }

    @Benchmark
    public WrappedDataKey wrap() throws Exception {
        try (DataKey key = keys.newDataKey(kek, CONTEXT)) {
            return key.wrapped();
        }
    }

    @Benchmark
    public byte[] unwrap() throws Exception {
        return keys.unwrap(wrapped, CONTEXT);
    }
}
