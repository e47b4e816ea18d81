package io.vigil.crypto.bench;

import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.crypto.recording.RecordingWriter;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seeking to the last second of a one-hour recording (16 kHz 16-bit mono: 115.2 MB of audio, 7,032 segments) and
 * reading that second, as a player's Range request does: {@code openSeekRead} includes opening the recording (header,
 * data key unwrap in the BCFKS provider, final-segment check), {@code seekRead} reuses an open reader.
 *
 * <p>Run: {@code mvn -B -q -pl crypto test-compile -DskipTests && mvn -B -pl crypto exec:exec -Dbench=Recording}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordingSeekBenchmark {

    static final int BYTES_PER_SECOND = 16_000 * 2;
    static final long HOUR_BYTES = 3600L * BYTES_PER_SECOND;

    private KeyProvider provider;
    private DataKeyWrapper keys;
    private Path recording;
    private RecordingReader open;
    private final ByteBuffer second = ByteBuffer.allocate(BYTES_PER_SECOND);

    @Setup
    public void setUp() throws Exception {
        provider = BenchKeys.open("bcfks");
        provider.createVersion(RecordingThroughputBenchmark.KEK);
        keys = DataKeyWrapper.create(provider);
        recording = Files.createTempFile("vigil-bench-hour", ".vgrc");
        byte[] chunk = new byte[1024 * 1024];
        new Random(1).nextBytes(chunk);
        try (OutputStream out = Files.newOutputStream(recording)) {
            RecordingWriter writer = RecordingWriter.create(out, keys, RecordingThroughputBenchmark.KEK,
                    RecordingThroughputBenchmark.CONTEXT, RecordingThroughputBenchmark.SEGMENT);
            for (long written = 0; written < HOUR_BYTES; written += chunk.length) {
                writer.write(chunk, 0, (int) Math.min(chunk.length, HOUR_BYTES - written));
            }
            writer.close();
        }
        open = reader();
    }

    @TearDown
    public void tearDown() throws Exception {
        open.close();
        provider.close();
        Files.deleteIfExists(recording);
    }

    @Benchmark
    public int openSeekRead() throws Exception {
        try (RecordingReader reader = reader()) {
            return lastSecond(reader);
        }
    }

    @Benchmark
    public int seekRead() throws Exception {
        return lastSecond(open);
    }

    private int lastSecond(RecordingReader reader) throws Exception {
        second.clear();
        return reader.read(reader.size() - BYTES_PER_SECOND, second);
    }

    private RecordingReader reader() throws Exception {
        return RecordingReader.open(FileChannel.open(recording), keys, RecordingThroughputBenchmark.CONTEXT);
    }
}
