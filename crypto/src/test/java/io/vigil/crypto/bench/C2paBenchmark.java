package io.vigil.crypto.bench;

import io.vigil.crypto.c2pa.C2paManifest;
import io.vigil.crypto.c2pa.C2paReader;
import io.vigil.crypto.c2pa.C2paSigner;
import io.vigil.crypto.c2pa.C2paWriter;
import io.vigil.crypto.c2pa.ClaimGenerator;
import io.vigil.crypto.c2pa.DemoPki;
import io.vigil.crypto.c2pa.DigitalSourceType;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.KeyReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
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
 * C2PA signing and verification of a 10-minute recording (16 kHz 16-bit mono WAV, 19.2 MB; or MP3 at 128 kbit/s
 * behind an ID3v2.3 tag, 9.6 MB), next to a plain SHA-256 over the same bytes in the same run: the hard binding hashes the whole file, so SHA-256 is the floor.
 * Signing uses the tenant's signing key in the key provider (BCFKS keystore, or SoftHSM2 through SunPKCS11), as the
 * application does; verifying checks the signature, the chain up to the trust anchor, every assertion hash and the
 * hard binding.
 *
 * <p>Run: {@code mvn -B -q -pl crypto test-compile -DskipTests && mvn -B -pl crypto exec:exec -Dbench=C2paBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class C2paBenchmark {

    static final int SAMPLE_RATE = 16_000;
    static final int SECONDS = 600;

    @Param({"bcfks", "pkcs11"})
    public String provider;

    @Param({"wav", "mp3"})
    public String format;

    private byte[] audio;
    private byte[] signed;
    private C2paWriter writer;
    private C2paReader reader;

    @Setup
    public void setUp() throws Exception {
        audio = format.equals("mp3") ? tenMinuteMp3() : tenMinuteWav();
        KeyProvider keys = BenchKeys.open(provider);
        KeyReference key = keys.createVersion(new KeyName("bench-c2pa-" + System.nanoTime(), KeyDomain.SIGNING));
        DemoPki pki = DemoPki.create("Vigil");
        List<java.security.cert.X509Certificate> chain = pki.issueSigningChain(keys.publicKey(key), "Bench signer");
        writer = C2paWriter.create(C2paSigner.of(keys, key, chain), new ClaimGenerator("Vigil", "bench"));
        reader = C2paReader.trusting(List.of(pki.root()));
        signed = writer.sign(audio, "Call", DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
    }

    @Benchmark
    public byte[] sign() throws Exception {
        return writer.sign(audio, "Call", DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
    }

    @Benchmark
    public C2paManifest verify() throws Exception {
        return reader.read(signed);
    }

    @Benchmark
    public byte[] sha256Baseline() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(audio);
    }

    /** A 440 Hz tone with a little noise, so the bytes are not trivially repetitive. */
    static byte[] tenMinuteWav() {
        int samples = SAMPLE_RATE * SECONDS;
        ByteBuffer file = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        file.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
        file.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        java.util.Random noise = new java.util.Random(42);
        for (int i = 0; i < samples; i++) {
            file.putShort((short) (6000 * Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE) + noise.nextInt(200) - 100));
        }
        return file.array();
    }

    /**
     * MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes, 1152 samples each) for 10 minutes, bodies filled
     * with noise, behind an ID3v2.3 tag with a title frame: the shape of an exported call.
     */
    static byte[] tenMinuteMp3() {
        int frames = (int) Math.ceil(SECONDS * 44_100 / 1152.0);
        byte[] title = "\u0000Call".getBytes(StandardCharsets.ISO_8859_1);
        int tagSize = 10 + title.length;
        ByteBuffer file = ByteBuffer.allocate(10 + tagSize + frames * 417);
        file.put(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, (byte) tagSize});
        file.put(new byte[] {'T', 'I', 'T', '2', 0, 0, 0, (byte) title.length, 0, 0}).put(title);
        java.util.Random noise = new java.util.Random(42);
        byte[] body = new byte[413];
        for (int i = 0; i < frames; i++) {
            noise.nextBytes(body);
            file.put((byte) 0xFF).put((byte) 0xFB).put((byte) 0x90).put((byte) 0xC0).put(body);
        }
        return file.array();
    }
}
