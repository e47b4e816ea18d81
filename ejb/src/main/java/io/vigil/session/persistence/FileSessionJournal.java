package io.vigil.session.persistence;

import io.vigil.session.pipeline.SessionJournal;
import io.vigil.session.pipeline.SessionRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local journal of session records that could not reach the database: an append-only file of JSON lines
 * ({@link SessionRecordJson}) in {@code vigil.journal-dir}, each append forced to disk before it returns.
 *
 * <p>Replay: the current file is renamed to {@code journal-<n>.replay} (new appends start a fresh file), its records
 * are handed to a {@link BatchSink} and stored in one transaction, and only then is the file deleted. A replay
 * that fails leaves the file for the next attempt; since the transaction stored nothing, nothing is stored twice.
 * A torn last line (the process died mid-append) is skipped: its record was never acknowledged.
 */
public final class FileSessionJournal implements SessionJournal {

    private static final String CURRENT = "journal.log";

    private final Path dir;
    private long replays;

    public FileSessionJournal(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the session journal folder " + dir, e);
        }
    }

    @Override
    public synchronized void append(SessionRecord record) {
        appendAll(List.of(record));
    }

    /** Appends records with one write and one flush to disk. */
    public synchronized void appendAll(List<? extends SessionRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        records.forEach(r -> lines.append(SessionRecordJson.write(r)).append('\n'));
        try (var channel = java.nio.channels.FileChannel.open(dir.resolve(CURRENT), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(StandardCharsets.UTF_8.encode(lines.toString()));
            channel.force(false);
        } catch (IOException e) {
            // the last place a record can go: the caller must know it was not kept
            throw new UncheckedIOException("cannot write the session journal in " + dir, e);
        }
    }

    /**
     * Stores every journalled record through {@code sink}, one transaction per journal file. Returns how many were
     * stored; throws when the database is still away, leaving the unreplayed files as they were.
     */
    public int replayInto(BatchSink sink) {
        List<Path> pending = pendingFiles();
        int stored = 0;
        for (Path file : pending) {
            List<SessionRecord> records = read(file);
            records.forEach(r -> r.deliverTo(sink));
            sink.flush();
            delete(file);
            stored += records.size();
        }
        return stored;
    }

    /** Whether anything waits to be replayed. */
    public synchronized boolean isEmpty() {
        return pendingFiles().isEmpty();
    }

    private synchronized List<Path> pendingFiles() {
        try {
            Path current = dir.resolve(CURRENT);
            if (Files.exists(current) && Files.size(current) > 0) {
                Files.move(current, dir.resolve("journal-" + System.currentTimeMillis() + "-" + (++replays)
                        + ".replay"), StandardCopyOption.ATOMIC_MOVE);
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.getFileName().toString().endsWith(".replay")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the session journal folder " + dir, e);
        }
    }

    private static List<SessionRecord> read(Path file) {
        List<SessionRecord> records = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(SessionRecordJson.read(line));
                } catch (IllegalArgumentException torn) {
                    // only a crash mid-append writes a partial line; that record was never acknowledged
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the session journal file " + file, e);
        }
        return records;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the replayed journal file " + file, e);
        }
    }
}
