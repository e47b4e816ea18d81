package io.vigil.crypto.bench;

import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.recording.RecordingContext;
import io.vigil.crypto.recording.BytesChannel;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.crypto.recording.RecordingWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
 * Streaming encryption and decryption of 16 MiB of audio (1,024 segments of 16 KiB) against the raw JDK AES-256-GCM
 * baseline over the same segments in the same run: one reused {@code Cipher}, re-initialised with a fresh nonce and
 * {@code doFinal} into a reused buffer per 16 KiB, which is the least any authenticated segmented format must do.
 * MB/s = 16.78 / (ms per op / 1000).
 *
 * <p>Run: {@code mvn -B -q -pl crypto test-compile -DskipTests && mvn -B -pl crypto exec:exec -Dbench=Recording}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecordingThroughputBenchmark {

    static final int SEGMENT = 16 * 1024;
    static final int AUDIO_BYTES = 16 * 1024 * 1024;
    static final RecordingContext CONTEXT = new RecordingContext("bench", "session-1", "mixed", "audio");
    static final KeyName KEK = new KeyName("bench", KeyDomain.AUDIO);

    private KeyProvider provider;
    private DataKeyWrapper keys;
    private byte[] audio;
    private Path encrypted;
    private byte[] encryptedBytes;
    private byte[][] jdkSegments;
    private SecretKeySpec jdkKey;
    private final byte[] nonce = new byte[12];
    private final byte[] sink = new byte[SEGMENT];
    private final byte[] sealed = new byte[SEGMENT + 16];
    private Cipher jdk;
    private int run;

    @Setup
    public void setUp() throws Exception {
        provider = BenchKeys.open("bcfks");
        provider.createVersion(KEK);
        keys = DataKeyWrapper.create(provider);
        audio = new byte[AUDIO_BYTES];
        new SecureRandom().nextBytes(audio);
        encrypted = Files.createTempFile("vigil-bench", ".vgrc");
        try (OutputStream out = Files.newOutputStream(encrypted)) {
            RecordingWriter writer = RecordingWriter.create(out, keys, KEK, CONTEXT, SEGMENT);
            writer.write(audio);
            writer.close();
        }
        encryptedBytes = Files.readAllBytes(encrypted);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        jdkKey = new SecretKeySpec(key, "AES");
        jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdkSegments = new byte[AUDIO_BYTES / SEGMENT][];
        for (int i = 0; i < jdkSegments.length; i++) {
            jdkSegments[i] = jdkCipher(Cipher.ENCRYPT_MODE, i, 0).doFinal(audio, i * SEGMENT, SEGMENT);
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        provider.close();
        Files.deleteIfExists(encrypted);
    }

    @Benchmark
    public long jdkAesGcmEncrypt() throws Exception {
        long total = 0;
        int invocation = ++run;
        for (int i = 0; i < AUDIO_BYTES / SEGMENT; i++) {
            total += jdkCipher(Cipher.ENCRYPT_MODE, i, invocation).doFinal(audio, i * SEGMENT, SEGMENT, sealed);
        }
        return total;
    }

    @Benchmark
    public long streamingEncrypt() throws Exception {
        CountingSink out = new CountingSink();
        RecordingWriter writer = RecordingWriter.create(out, keys, KEK, CONTEXT, SEGMENT);
        for (int offset = 0; offset < AUDIO_BYTES; offset += SEGMENT) {
            writer.write(audio, offset, SEGMENT);
        }
        writer.close();
        return out.count;
    }

    @Benchmark
    public long jdkAesGcmDecrypt() throws Exception {
        long total = 0;
        for (int i = 0; i < jdkSegments.length; i++) {
            total += jdkCipher(Cipher.DECRYPT_MODE, i, 0).doFinal(jdkSegments[i], 0, jdkSegments[i].length, sink);
        }
        return total;
    }

    /** The recording in memory, like the baseline's ciphertext: the format's own cost. */
    @Benchmark
    public long streamingDecrypt() throws Exception {
        return readAll(RecordingReader.open(new BytesChannel(encryptedBytes), keys, CONTEXT));
    }

    /** The same from a file (in the page cache): adds one positioned read per 16 KiB segment, as playback does. */
    @Benchmark
    public long streamingDecryptFromFile() throws Exception {
        return readAll(RecordingReader.open(FileChannel.open(encrypted), keys, CONTEXT));
    }

    private long readAll(RecordingReader opened) throws Exception {
        try (RecordingReader reader = opened; InputStream in = reader.openAt(0)) {
            long total = 0;
            for (int n; (n = in.read(sink)) > 0; ) {
                total += n;
            }
            return total;
        }
    }

    /** GCM refuses to encrypt twice under one key and nonce, so every encrypting invocation has its own nonces. */
    private Cipher jdkCipher(int mode, long index, int invocation) throws Exception {
        ByteBuffer.wrap(nonce).putLong(index).putInt(invocation);
        jdk.init(mode, jdkKey, new GCMParameterSpec(128, nonce));
        return jdk;
    }

    /** Discards the ciphertext: the benchmark measures encryption, not a disk. */
    static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
