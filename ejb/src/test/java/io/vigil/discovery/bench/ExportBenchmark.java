package io.vigil.discovery.bench;

import io.vigil.crypto.bundle.EntryDigest;
import io.vigil.crypto.bundle.ManifestSignature;
import io.vigil.crypto.c2pa.C2paException;
import io.vigil.crypto.c2pa.C2paWriter;
import io.vigil.crypto.c2pa.ClaimGenerator;
import io.vigil.crypto.c2pa.DemoPki;
import io.vigil.crypto.c2pa.DigitalSourceType;
import io.vigil.discovery.domain.AudioChoice;
import io.vigil.discovery.domain.BundleBuilder;
import io.vigil.discovery.domain.BundleFile;
import io.vigil.discovery.domain.CallMaterial;
import io.vigil.discovery.domain.CallSelection;
import io.vigil.discovery.domain.ExportContent;
import io.vigil.discovery.domain.ExportProgress;
import io.vigil.discovery.domain.ExportRequest;
import io.vigil.discovery.domain.NativeFormat;
import io.vigil.discovery.domain.NativeSigner;
import io.vigil.discovery.domain.ProductionNumbering;
import io.vigil.discovery.domain.StagedCall;
import io.vigil.recording.WavAudio;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Exports N synthetic calls (redacted audio signed with C2PA, plain-text and WebVTT transcripts, metadata, DAT and
 * EDRM load files, manifest, CMS signature, deterministic ZIP) through the same {@link BundleBuilder} the server
 * runs, with progress kept in files as the server keeps it in rows, and reports time, throughput and the peak live
 * heap (heap in use after a collection, the highest any collection left). Run it at several sizes to see the heap stay
 * flat:
 *
 * <pre>
 * mvn -B -q -pl crypto,migrations install -DskipTests && mvn -B -q -pl ejb test-compile -DskipTests
 * mvn -B -pl ejb exec:exec@export-bench -Dbench.calls=10000 -Dbench.dir=/some/disk [-Dbench.format=MP3]
 * </pre>
 */
public final class ExportBenchmark {

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(arg(args, "--calls", "10000"));
        int seconds = Integer.parseInt(arg(args, "--seconds", "20"));
        NativeFormat format = NativeFormat.valueOf(arg(args, "--format", "WAV"));
        Path dir = Files.createTempDirectory(Path.of(arg(args, "--dir", System.getProperty("java.io.tmpdir"))), "export-bench");
        DemoPki pki = DemoPki.create("Bench");
        DemoPki.Identity signer = pki.newSigningIdentity("Bench eDiscovery");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            ids.add(new UUID(0x5EED, i));
        }
        ExportRequest request = new ExportRequest("Benchmark", new CallSelection(null, null, Instant.EPOCH, null, null, List.of()),
                EnumSet.allOf(ExportContent.class), AudioChoice.REDACTED, format, ProductionNumbering.of("VGL", 1), null, null, null);
        byte[] wav = wav(seconds);
        FileProgress progress = new FileProgress(dir.resolve("progress"));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("matter", "Benchmark");
        C2paWriter c2pa = C2paWriter.create(signer.signer(), ClaimGenerator.vigil());
        NativeSigner natives = new NativeSigner() {
            public byte[] signOriginal(byte[] audio, String title) throws IOException {
                try {
                    return c2pa.sign(audio, title, DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
                } catch (C2paException e) {
                    throw new IOException(e);
                }
            }

            public byte[] signRedacted(byte[] original, byte[] redacted, String title, String description) throws IOException {
                try {
                    return c2pa.signRedactedExport(signOriginal(original, title), redacted, title, description);
                } catch (C2paException e) {
                    throw new IOException(e);
                }
            }

            public byte[] signTranscoded(byte[] original, byte[] transcoded, String title, String description) throws IOException {
                try {
                    return c2pa.signTranscodedCopy(signOriginal(original, title), transcoded, title, description);
                } catch (C2paException e) {
                    throw new IOException(e);
                }
            }
        };
        BundleBuilder builder = new BundleBuilder(new BundleBuilder.Plan(UUID.randomUUID(), request, header, ids),
                dir.resolve("staging"), progress, (ordinal, id) -> call(ordinal, id, wav, seconds), natives,
                manifest -> {
                    try {
                        return ManifestSignature.sign(manifest, data -> {
                            Signature s = Signature.getInstance("SHA256withECDSA");
                            s.initSign(signer.privateKey());
                            s.update(data);
                            return s.sign();
                        }, signer.chain(), Optional.empty());
                    } catch (java.security.GeneralSecurityException e) {
                        throw new IOException(e);
                    }
                }, (ordinal, total) -> {
                    if ((ordinal + 1) % 500 == 0) {
                        double live = peakLiveHeapMiB();
                        if ((ordinal + 1) % 2000 == 0) {
                            System.out.printf("  %,d calls staged, peak live heap %.1f MiB%n", ordinal + 1, live);
                        }
                    }
                });
        List<BundleFile> others = List.of(file("CERTS/trust-root.pem", pki.rootPem()));
        long start = System.nanoTime();
        builder.stageCalls();
        long staged = System.nanoTime();
        builder.stageFiles(others);
        builder.stageManifest(List.of("CERTS/trust-root.pem"));
        EntryDigest bundle = builder.assemble(dir.resolve("bundle.zip"), List.of("CERTS/trust-root.pem"));
        long end = System.nanoTime();
        double total = (end - start) / 1e9;
        System.out.printf("calls %,d of %d s audio each, %s natives; bundle %.1f MiB%n", calls, seconds, format,
                bundle.size() / 1048576.0);
        System.out.printf("time %.1f s (calls staged in %.1f s, load files + manifest + ZIP %.1f s)%n", total,
                (staged - start) / 1e9, (end - staged) / 1e9);
        System.out.printf("throughput %.1f calls/s, %.1f MiB/s of bundle%n", calls / total, bundle.size() / 1048576.0 / total);
        System.out.printf("peak live heap %.1f MiB; peak heap incl. garbage %.1f MiB (max heap %.0f MiB)%n",
                peakLiveHeapMiB(), peakHeapMiB(), Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.println("output kept in " + dir + " (delete it when done)");
    }

    private static CallMaterial call(int ordinal, UUID id, byte[] wav, int seconds) {
        List<CallMaterial.Line> lines = new ArrayList<>();
        for (int s = 0; s < seconds; s += 4) {
            lines.add(new CallMaterial.Line(s % 8 == 0 ? "AGENT" : "CALLER", s * 1000L, s * 1000L + 3500,
                    s == 8 ? "My card number is [CREDIT_CARD] and it expires soon" : "A line of the conversation number " + s));
        }
        return new CallMaterial(id, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(ordinal * 60L), seconds * 1000L,
                "Billing agent", "Billing agent v3 (sim-realtime)", "PHONE", lines, "{\"events\":[]}\n", wav.clone());
    }

    private static byte[] wav(int seconds) {
        byte[] pcm = new byte[8000 * 2 * seconds];
        for (int i = 0; i < pcm.length / 2; i++) {
            short v = (short) (6000 * Math.sin(2 * Math.PI * 300 * i / 8000.0));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return new WavAudio(8000, pcm).fileBytes();
    }

    private static long peakLive;

    /**
     * The heap still in use after a full collection, the highest seen so far: what the export keeps alive (sampled
     * every 500 calls; the collection costs a few milliseconds each time).
     */
    private static double peakLiveHeapMiB() {
        System.gc();
        peakLive = Math.max(peakLive, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        return peakLive / 1048576.0;
    }

    /** The most the heap ever held, garbage included, over all heap pools. */
    private static double peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1048576.0;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static BundleFile file(String path, String content) {
        return new BundleFile() {
            public String path() {
                return path;
            }

            public void write(OutputStream out) throws IOException {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** Progress in append-only files, read back page by page: as the server's rows, nothing grows in memory. */
    private static final class FileProgress implements ExportProgress {
        private final Path calls;
        private final Map<String, EntryDigest> files = new LinkedHashMap<>();
        private final BufferedWriter out;
        private int count;

        FileProgress(Path dir) throws IOException {
            Files.createDirectories(dir);
            calls = dir.resolve("calls.jsonl");
            out = Files.newBufferedWriter(calls);
        }

        public Optional<StagedCall> call(int ordinal) {
            return Optional.empty();
        }

        public void callStaged(StagedCall call) {
            try {
                out.write(io.vigil.discovery.domain.ExportJson.write(call));
                out.write('\n');
                count++;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public Optional<EntryDigest> file(String path) {
            return Optional.ofNullable(files.get(path));
        }

        public void fileStaged(EntryDigest file) {
            files.put(file.path(), file);
        }

        public void forEachCall(Consumer<StagedCall> action) {
            try {
                out.flush();
                try (BufferedReader in = Files.newBufferedReader(calls)) {
                    in.lines().map(l -> io.vigil.discovery.domain.ExportJson.read(l, StagedCall.class)).forEach(action);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
