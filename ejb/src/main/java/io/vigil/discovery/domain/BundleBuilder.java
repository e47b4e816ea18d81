package io.vigil.discovery.domain;

import io.vigil.crypto.bundle.DeterministicZip;
import io.vigil.crypto.bundle.DigestingOutputStream;
import io.vigil.crypto.bundle.EntryDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds an eDiscovery bundle in three resumable steps, and then assembles it:
 *
 * <ol>
 *   <li><b>calls</b>: for each call in production order that {@link ExportProgress} does not know as staged, load
 *       it, write its files (native C2PA-signed, transcripts, metadata) into one pack file in the staging directory,
 *       flush it to disk, then record the call; one call's audio is the most that is ever in memory;
 *   <li><b>files</b>: the load files (from the recorded documents, streamed), then the given {@link BundleFile}s
 *       (audit evidence, certificates, custody report), each staged and recorded once;
 *   <li><b>manifest</b>: {@code manifest.json} over every recorded file, and its detached signature;
 *   <li><b>assembly</b>: a {@link DeterministicZip} of the staged files in that order.
 * </ol>
 *
 * Signatures (C2PA, CMS) are randomised, so a staged file is never re-made once recorded: an export interrupted at
 * any point and restarted produces exactly the bundle it would have produced, and re-assembling a finished export
 * gives the same bytes.
 */
public final class BundleBuilder {

    /** Loads one call of the export. */
    @FunctionalInterface
    public interface CallSource {
        CallMaterial load(int ordinal, UUID callId) throws IOException;
    }

    /** Signs {@code manifest.json}: DER CMS SignedData, content detached. */
    @FunctionalInterface
    public interface ManifestSigner {
        byte[] sign(byte[] manifest) throws IOException;
    }

    /** Told after each staged call; a test throws here to stand for a crash. */
    @FunctionalInterface
    public interface CallListener {
        void staged(int ordinal, int total);
    }

    /** Everything one export needs to know to build its bundle. */
    public record Plan(UUID exportId, ExportRequest request, Map<String, Object> manifestHeader, List<UUID> callIds) {
        public Plan {
            callIds = List.copyOf(callIds);
        }
    }

    private final Plan plan;
    private final Path staging;
    private final ExportProgress progress;
    private final CallSource calls;
    private final NativeSigner natives;
    private final ManifestSigner manifestSigner;
    private final CallListener listener;

    public BundleBuilder(Plan plan, Path staging, ExportProgress progress, CallSource calls, NativeSigner natives,
                         ManifestSigner manifestSigner, CallListener listener) {
        this.plan = plan;
        this.staging = staging;
        this.progress = progress;
        this.calls = calls;
        this.natives = natives;
        this.manifestSigner = manifestSigner;
        this.listener = listener;
    }

    /** Step 1: stages every call not yet staged. */
    public void stageCalls() throws IOException {
        List<UUID> ids = plan.callIds();
        for (int ordinal = 0; ordinal < ids.size(); ordinal++) {
            if (progress.call(ordinal).isEmpty()) {
                progress.callStaged(stageCall(ordinal, calls.load(ordinal, ids.get(ordinal))));
            }
            listener.staged(ordinal, ids.size());
        }
    }

    private StagedCall stageCall(int ordinal, CallMaterial call) throws IOException {
        ExportRequest request = plan.request();
        String number = request.numbering().number(ordinal);
        List<EntryDigest> files = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        EntryDigest nativeFile = null;
        if (request.audio() != AudioChoice.NONE && call.audio() != null) {
            String title = number + " (call " + call.callId() + ")";
            byte[] signed;
            boolean mp3 = request.format() == NativeFormat.MP3;
            if (request.audio() == AudioChoice.REDACTED) {
                var ranges = RedactedAudio.silencedRanges(call.transcript());
                byte[] redacted = RedactedAudio.redact(call.audio(), ranges);
                signed = natives.signRedacted(call.audio(), mp3 ? Mp3Encoder.encode(redacted) : redacted,
                        title + ", redacted", ranges.size() + " passages with personal data silenced"
                                + (mp3 ? ", encoded as MP3" : ""));
            } else if (mp3) {
                signed = natives.signTranscoded(call.audio(), Mp3Encoder.encode(call.audio()), title, "encoded as MP3");
            } else {
                signed = natives.signOriginal(call.audio(), title);
            }
            nativeFile = add(files, contents, BundleLayout.nativePath(number, request.format()), signed);
        }
        EntryDigest textFile = null;
        if (request.includes(ExportContent.TRANSCRIPT)) {
            textFile = add(files, contents, BundleLayout.textPath(number), TranscriptFiles.plainText(number, call));
            add(files, contents, BundleLayout.vttPath(number), TranscriptFiles.webVtt(call));
        }
        if (call.metadataJson() != null) {
            add(files, contents, BundleLayout.metadataPath(number), call.metadataJson().getBytes(StandardCharsets.UTF_8));
        }
        writeDurably(pack(ordinal), contents);
        ExportDocument document = new ExportDocument(ordinal, number, call.callId(), call.startedAt(), call.durationMs(),
                call.custodian(), call.agent(), call.channel(), request.confidentiality(), nativeFile, textFile);
        return new StagedCall(document, files);
    }

    private static EntryDigest add(List<EntryDigest> files, List<byte[]> contents, String path, byte[] content) {
        EntryDigest digest = DigestingOutputStream.of(path, content);
        files.add(digest);
        contents.add(content);
        return digest;
    }

    /**
     * Where a staged call's files are: one file per call holding its files one after the other, in bundle order (so
     * each file's place follows from the sizes before it), made durable with a single flush to disk.
     */
    public Path pack(int ordinal) {
        return staging.resolve("calls").resolve(ordinal + ".pack");
    }

    /** Step 2: the load files, then {@code others} in order. */
    public void stageFiles(List<BundleFile> others) throws IOException {
        stageOnce(new BundleFile() {
            public String path() {
                return BundleLayout.DAT;
            }

            public void write(OutputStream out) throws IOException {
                try (ConcordanceDat dat = ConcordanceDat.to(out)) {
                    eachDocument(dat::add);
                }
            }
        });
        stageOnce(new BundleFile() {
            public String path() {
                return BundleLayout.EDRM;
            }

            public void write(OutputStream out) throws IOException {
                try (EdrmXml xml = EdrmXml.to(out, plan.request().matter(), plan.exportId().toString())) {
                    eachDocument(xml::add);
                }
            }
        });
        for (BundleFile file : others) {
            stageOnce(file);
        }
    }

    /** Step 3: the manifest over every staged file, and its signature. */
    public void stageManifest(List<String> otherPaths) throws IOException {
        if (progress.file(BundleLayout.MANIFEST).isEmpty()) {
            stageOnce(new BundleFile() {
                public String path() {
                    return BundleLayout.MANIFEST;
                }

                public void write(OutputStream out) throws IOException {
                    try (BundleManifest manifest = BundleManifest.to(out, plan.manifestHeader())) {
                        for (EntryDigest file : contentFiles(otherPaths)) {
                            manifest.add(file);
                        }
                    }
                }
            });
        }
        if (progress.file(BundleLayout.SIGNATURE).isEmpty()) {
            byte[] signature = manifestSigner.sign(Files.readAllBytes(staged(BundleLayout.MANIFEST)));
            progress.fileStaged(stage(BundleLayout.SIGNATURE, signature));
        }
    }

    /** Step 4: writes the ZIP to {@code bundle} (via a temporary file, so a half-written bundle never appears). */
    public EntryDigest assemble(Path bundle, List<String> otherPaths) throws IOException {
        Path part = bundle.resolveSibling(bundle.getFileName() + ".part");
        DigestingOutputStream digest;
        try (OutputStream file = Files.newOutputStream(part)) {
            digest = new DigestingOutputStream(file);
            try (DeterministicZip zip = DeterministicZip.to(digest)) {
                IOException[] failure = {null};
                progress.forEachCall(call -> {
                    if (failure[0] == null) {
                        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(
                                pack(call.document().ordinal())), 64 * 1024)) {
                            for (EntryDigest entry : call.files()) {
                                zip.add(entry, in);
                            }
                        } catch (IOException e) {
                            failure[0] = e;
                        }
                    }
                });
                if (failure[0] != null) {
                    throw failure[0];
                }
                List<EntryDigest> rest = fileDigests(otherPaths);
                rest.add(progress.file(BundleLayout.MANIFEST).orElseThrow());
                rest.add(progress.file(BundleLayout.SIGNATURE).orElseThrow());
                for (EntryDigest entry : rest) {
                    zip.add(entry, staged(entry.path()));
                }
            }
        }
        Files.move(part, bundle, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return digest.digest(bundle.getFileName().toString());
    }

    /**
     * Every content file in ZIP order. Holds the digests of all files in memory (about 200 bytes each): 10,000
     * calls of four files each are about 8 MB, the one structure that grows with the export.
     */
    private List<EntryDigest> contentFiles(List<String> otherPaths) {
        List<EntryDigest> all = new ArrayList<>();
        progress.forEachCall(call -> all.addAll(call.files()));
        all.addAll(fileDigests(otherPaths));
        return all;
    }

    /** The load files and the other files, in ZIP order. */
    private List<EntryDigest> fileDigests(List<String> otherPaths) {
        List<EntryDigest> all = new ArrayList<>();
        all.add(progress.file(BundleLayout.DAT).orElseThrow());
        all.add(progress.file(BundleLayout.EDRM).orElseThrow());
        for (String path : otherPaths) {
            all.add(progress.file(path).orElseThrow(() -> new IllegalStateException(path + " was not staged")));
        }
        return all;
    }

    private interface DocumentAction {
        void accept(ExportDocument document) throws IOException;
    }

    private void eachDocument(DocumentAction action) throws IOException {
        try {
            progress.forEachCall(call -> {
                try {
                    action.accept(call.document());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void stageOnce(BundleFile file) throws IOException {
        if (progress.file(file.path()).isPresent()) {
            return;
        }
        Path target = staged(file.path());
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        EntryDigest digest;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            DigestingOutputStream out = new DigestingOutputStream(new java.io.BufferedOutputStream(
                    java.nio.channels.Channels.newOutputStream(channel), 64 * 1024));
            // writers may close what they are given (JSON, XML); the channel must stay open to be forced
            file.write(new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            });
            out.flush();
            channel.force(true);
            digest = out.digest(file.path());
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        progress.fileStaged(digest);
    }

    private EntryDigest stage(String path, byte[] content) throws IOException {
        writeDurably(staged(path), List.of(content));
        return DigestingOutputStream.of(path, content);
    }

    /** Writes {@code parts} one after the other to {@code target}: to a temporary file, flushed to disk, then renamed. */
    private static void writeDurably(Path target, List<byte[]> parts) throws IOException {
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (byte[] content : parts) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            channel.force(true);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path staged(String path) {
        return staging.resolve(path);
    }
}
