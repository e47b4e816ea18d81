package io.vigil.crypto.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a ZIP whose bytes depend only on its entries: entries in the order given, every one STORED (no
 * compressor version can change the output; audio barely compresses anyway), every timestamp the same fixed
 * local time (1980-01-01 00:00, the first DOS date, so no time zone enters), no comments, no extra fields. The
 * same staged files therefore always give the same ZIP, which is what lets an interrupted export be resumed to a
 * byte-identical bundle. Each file is read once: its size and CRC-32 come from its {@link EntryDigest}, taken when
 * it was staged. Memory is one copy buffer, whatever the size; entries past 4 GiB or 65,535 files use ZIP64.
 */
public final class DeterministicZip implements AutoCloseable {

    /** The timestamp of every entry. */
    public static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final ZipOutputStream zip;

    private DeterministicZip(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setMethod(ZipOutputStream.STORED);
    }

    public static DeterministicZip to(OutputStream out) {
        return new DeterministicZip(out);
    }

    /** Appends {@code file} as the entry {@code digest.path()}; fails if the file no longer matches its digest size. */
    public void add(EntryDigest digest, Path file) throws IOException {
        ZipEntry entry = entry(digest);
        zip.putNextEntry(entry);
        try (InputStream in = Files.newInputStream(file)) {
            long copied = in.transferTo(zip);
            if (copied != digest.size()) {
                throw new IOException("staged file " + file.getFileName() + " has " + copied + " bytes, its record says "
                        + digest.size() + ": the staging area was changed");
            }
        }
        zip.closeEntry();
    }

    /** Appends the next {@code digest.size()} bytes of {@code in} as the entry {@code digest.path()}. */
    public void add(EntryDigest digest, InputStream in) throws IOException {
        zip.putNextEntry(entry(digest));
        byte[] buffer = new byte[64 * 1024];
        long left = digest.size();
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the staged data of " + digest.path() + " ends " + left + " bytes early: the staging area was changed");
            }
            zip.write(buffer, 0, n);
            left -= n;
        }
        zip.closeEntry();
    }

    /** Appends bytes held in memory (small files) as the entry {@code digest.path()}. */
    public void add(EntryDigest digest, byte[] content) throws IOException {
        zip.putNextEntry(entry(digest));
        zip.write(content);
        zip.closeEntry();
    }

    private static ZipEntry entry(EntryDigest digest) {
        ZipEntry entry = new ZipEntry(digest.path());
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(digest.size());
        entry.setCompressedSize(digest.size());
        entry.setCrc(digest.crc32());
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    /** Writes the central directory; the underlying stream is closed too. */
    @Override
    public void close() throws IOException {
        zip.close();
    }
}
