package io.vigil.session.audio.bench;

import io.vigil.session.audio.Resampler;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 20 ms telephone frame through each direction of the resampler, as every live Twilio call does 50 times a
 * second: 160 caller samples at 8 kHz up to 480 at 24 kHz, and 480 agent samples at 24 kHz down to 160.
 *
 * <p>Run: {@code mvn -B -q -pl ejb -am test-compile -DskipTests && mvn -B -pl ejb exec:exec -Dbench=ResamplerBenchmark}
 * (see docs/benchmarks.md). Numbers for a report, never assertions.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResamplerBenchmark {

    private final Resampler up = Resampler.upsampler8kTo24k();
    private final Resampler down = Resampler.downsampler24kTo8k();
    private short[] telephoneFrame;
    private short[] realtimeFrame;

    @Setup
    public void audio() {
        Random random = new Random(1);
        telephoneFrame = noise(random, 160);
        realtimeFrame = noise(random, 480);
    }

    private static short[] noise(Random random, int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) random.nextInt(-8_000, 8_000);
        }
        return s;
    }

    @Benchmark
    public short[] callerFrame8kTo24k() {
        return up.process(telephoneFrame);
    }

    @Benchmark
    public short[] agentFrame24kTo8k() {
        return down.process(realtimeFrame);
    }
}
