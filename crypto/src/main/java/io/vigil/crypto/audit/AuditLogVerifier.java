package io.vigil.crypto.audit;

import io.vigil.crypto.audit.CheckpointResult.Consistency;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies an {@link AuditExport export} offline and completely, trusting nothing but the public key:
 *
 * <ol>
 *   <li>reads every entry line, checks it is canonical and that seq runs 0, 1, 2, ..., and recomputes each leaf
 *       hash from the entry's content; the whole tree is rebuilt from these hashes;
 *   <li>for each checkpoint: checks its signature, that its size is covered by the export, that its root equals
 *       the rebuilt tree's root at that size, and that an RFC 9162 consistency proof from the previous signed
 *       checkpoint verifies against both signed roots;
 *   <li>when a root differs, pinpoints the entry: if the exported (stored) leaf hashes reproduce the signed root,
 *       they are authentic and every entry whose content no longer hashes to its stored leaf hash is the altered
 *       one; if the stored hashes were altered too, it narrows the change to the entries between the last
 *       checkpoint that holds and the first that fails.
 * </ol>
 *
 * Memory: about 130 bytes per entry (both sets of leaf hashes and the rebuilt tree).
 */
public final class AuditLogVerifier {

    private static final int BATCH = 2048;

    private final CheckpointKey key;
    private final String expectedOrigin;
    private final InMemoryAuditTreeStore contentTree = new InMemoryAuditTreeStore();
    private final AuditLogWriter contentWriter = AuditLogWriter.open(contentTree);
    private final LeafHashes storedLeaves = new LeafHashes();
    private final LeafHashes contentLeaves = new LeafHashes();
    private final SortedMap<Long, String> lineProblems = new TreeMap<>();
    private InMemoryAuditTreeStore storedTree;
    private long seqShift;
    private Long candidateShift;

    private AuditLogVerifier(CheckpointKey key, String expectedOrigin) {
        this.key = Objects.requireNonNull(key, "key");
        this.expectedOrigin = expectedOrigin;
    }

    /**
     * Verifies the entries (the export's {@code .jsonl} bytes) against the checkpoint notes, signed by
     * {@code key}. {@code expectedOrigin} is the log's origin if the auditor knows it, else null (then all
     * checkpoints must share the first one's origin).
     */
    public static VerificationReport verify(InputStream entries, List<String> checkpointNotes, CheckpointKey key,
                                            String expectedOrigin) throws IOException {
        AuditLogVerifier verifier = new AuditLogVerifier(key, expectedOrigin);
        verifier.readEntries(entries);
        return verifier.checkCheckpoints(checkpointNotes);
    }

    /**
     * Splits the export into lines and has a pool of threads (one per core) parse, check and hash them in batches,
     * while this thread appends the leaf hashes to the tree in line order.
     */
    private void readEntries(InputStream entries) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "audit-verify");
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Future<List<ReadLine>>> inFlight = new ArrayDeque<>();
        try {
            List<byte[]> batch = new ArrayList<>(BATCH);
            byte[] buffer = new byte[1 << 20];
            int filled = 0;
            int read;
            while ((read = entries.read(buffer, filled, buffer.length - filled)) >= 0) {
                filled += read;
                int lineStart = 0;
                for (int i = 0; i < filled; i++) {
                    if (buffer[i] == '\n') {
                        batch.add(Arrays.copyOfRange(buffer, lineStart, i));
                        lineStart = i + 1;
                        if (batch.size() == BATCH) {
                            submit(pool, batch, inFlight, threads);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                }
                System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
                filled -= lineStart;
                if (filled == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            if (filled > 0) {
                batch.add(Arrays.copyOf(buffer, filled));
            }
            submit(pool, batch, inFlight, 0);
            while (!inFlight.isEmpty()) {
                append(inFlight.poll());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void submit(ExecutorService pool, List<byte[]> batch, ArrayDeque<Future<List<ReadLine>>> inFlight, int maxWaiting) {
        inFlight.add(pool.submit(() -> readBatch(batch)));
        while (inFlight.size() > maxWaiting * 2) {
            append(inFlight.poll());
        }
    }

    /** One export line after parsing: its content leaf hash, and either its stored hash and seq or a problem. */
    private record ReadLine(byte[] contentLeaf, byte[] storedLeaf, long seq, String problem) {
    }

    private static List<ReadLine> readBatch(List<byte[]> lines) {
        TreeHasher hasher = TreeHasher.create();
        List<ReadLine> result = new ArrayList<>(lines.size());
        for (byte[] line : lines) {
            try {
                ExportedEntry exported = AuditExport.readLine(line);
                result.add(new ReadLine(hasher.leaf(exported.canonicalEntry()), exported.storedLeafHash(), exported.entry().seq(), null));
            } catch (AuditFormatException e) {
                result.add(new ReadLine(hasher.leaf(line), null, -1, e.getMessage()));
            }
        }
        return result;
    }

    private void append(Future<List<ReadLine>> batch) {
        List<ReadLine> lines;
        try {
            lines = batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while verifying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Reading export lines failed unexpectedly", e.getCause());
        }
        for (ReadLine line : lines) {
            long index = contentWriter.size();
            if (line.problem() != null) {
                lineProblems.put(index, "line " + (index + 1) + " is " + line.problem());
            } else {
                checkSeq(index, line.seq());
            }
            contentWriter.appendLeafHash(line.contentLeaf());
            contentLeaves.add(line.contentLeaf());
            storedLeaves.add(line.storedLeaf());
        }
    }

    /**
     * Flags where seq stops being the line's index, without flagging every line after a removed entry: the shift
     * (seq - index) is compared with the run before; a different shift is flagged, and becomes the new run only if
     * the next line continues it (a removal or insertion), else it was one altered seq.
     */
    private void checkSeq(long index, long seq) {
        long shift = seq - index;
        if (shift == seqShift) {
            candidateShift = null;
            return;
        }
        if (candidateShift != null && candidateShift == shift) {
            seqShift = shift;
            candidateShift = null;
            return;
        }
        lineProblems.put(index, "holds seq " + seq + " where seq " + (index + seqShift)
                + " was expected: entries were removed, inserted, reordered or renumbered here");
        candidateShift = shift;
    }

    private VerificationReport checkCheckpoints(List<String> notes) {
        long n = contentWriter.size();
        TreeProofs content = TreeProofs.over(contentTree);
        ProofVerifier proofs = ProofVerifier.create();
        List<CheckpointResult> results = new ArrayList<>();
        SortedMap<Long, String> altered = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Checkpoint previousSigned = null;
        long lastHolding = 0;
        long previousSize = -1;
        String origin = expectedOrigin;
        int position = 0;
        for (String note : notes) {
            position++;
            SignedCheckpoint signed;
            try {
                signed = SignedCheckpoint.parse(note);
            } catch (AuditFormatException e) {
                results.add(new CheckpointResult(position, null, false, false, Consistency.NOT_CHECKED, "unreadable: " + e.getMessage()));
                continue;
            }
            Checkpoint checkpoint = signed.checkpoint();
            if (!signed.verifiedBy(key)) {
                results.add(new CheckpointResult(position, checkpoint, false, false, Consistency.NOT_CHECKED,
                        "no valid signature by key " + key.keyIdHex() + ": the checkpoint was forged or altered"));
                continue;
            }
            if (origin == null) {
                origin = checkpoint.origin();
            }
            String problem = null;
            if (!checkpoint.origin().equals(origin)) {
                problem = "origin '" + checkpoint.origin() + "' is not the log's origin '" + origin + "'";
            } else if (checkpoint.size() < previousSize) {
                problem = "size " + checkpoint.size() + " is below the previous checkpoint's " + previousSize
                        + ": checkpoints must be in ascending size";
            }
            previousSize = Math.max(previousSize, checkpoint.size());
            if (checkpoint.size() > n) {
                problems.add("checkpoint " + position + " signed " + checkpoint.size() + " entries but the export holds " + n
                        + ": entries " + n + " to " + (checkpoint.size() - 1) + " are missing");
                results.add(new CheckpointResult(position, checkpoint, true, false, Consistency.NOT_CHECKED,
                        problem != null ? problem : "covers entries beyond the end of the export"));
                previousSigned = null;
                continue;
            }
            boolean rootMatches = MessageDigest.isEqual(content.root(checkpoint.size()), checkpoint.root());
            Consistency consistency = Consistency.NOT_CHECKED;
            if (previousSigned != null && previousSigned.size() <= checkpoint.size()) {
                ConsistencyProof proof = content.consistency(previousSigned.size(), checkpoint.size());
                consistency = proofs.verifyConsistency(proof, previousSigned.root(), checkpoint.root())
                        ? Consistency.CONSISTENT : Consistency.INCONSISTENT;
            }
            if (!rootMatches) {
                pinpoint(position, checkpoint, lastHolding, altered, problems);
            } else if (problem == null) {
                lastHolding = Math.max(lastHolding, checkpoint.size());
            }
            results.add(new CheckpointResult(position, checkpoint, true, rootMatches, consistency,
                    problem != null ? problem : rootMatches ? null : "root does not match the exported entries"));
            previousSigned = checkpoint;
        }
        List<String> remarks = new ArrayList<>();
        reportLeafHashMismatches(lastHolding, altered);
        for (var entry : lineProblems.entrySet()) {
            altered.merge(entry.getKey(), entry.getValue(), (a, b) -> a + "; " + b);
        }
        if (lastHolding < n) {
            remarks.add("entries " + lastHolding + " to " + (n - 1) + " are not covered by a checkpoint that holds"
                    + " (appended after the last checkpoint, or behind a failed one)");
        }
        return new VerificationReport(n, results, altered, problems, remarks);
    }

    /** Finds which entries below {@code checkpoint.size()} make its root differ. */
    private void pinpoint(int position, Checkpoint checkpoint, long lastHolding, SortedMap<Long, String> altered,
                          List<String> problems) {
        long size = checkpoint.size();
        if (MessageDigest.isEqual(storedLeafRoot(size), checkpoint.root())) {
            boolean any = false;
            for (long i = 0; i < size; i++) {
                if (!storedLeafMatchesContent(i)) {
                    altered.putIfAbsent(i, "its content no longer hashes to the leaf hash that checkpoint " + position
                            + " (size " + size + ") signed");
                    any = true;
                }
            }
            if (!any) {
                problems.add("checkpoint " + position + " (size " + size + ") fails but no single entry differs: report to Vigil support");
            }
        } else {
            problems.add("entries " + lastHolding + " to " + (size - 1) + " differ from what checkpoint " + position
                    + " (size " + size + ") signed, and their exported leaf hashes were altered as well, so the change"
                    + " cannot be narrowed further than that range" + suspects(lastHolding, size));
        }
    }

    private String suspects(long from, long to) {
        List<Long> suspects = new ArrayList<>();
        for (long i = from; i < to && suspects.size() < 10; i++) {
            if (!storedLeafMatchesContent(i) || lineProblems.containsKey(i)) {
                suspects.add(i);
            }
        }
        return suspects.isEmpty() ? "" : "; entries with other anomalies in that range: " + suspects;
    }

    /** An entry whose content and stored leaf hash disagree, inside a range a holding checkpoint vouches for. */
    private void reportLeafHashMismatches(long lastHolding, SortedMap<Long, String> altered) {
        long n = contentWriter.size();
        for (long i = 0; i < n; i++) {
            if (storedLeaves.present(i) && !storedLeafMatchesContent(i) && !altered.containsKey(i)) {
                altered.put(i, i < lastHolding
                        ? "its exported leaf_hash is wrong (the content is the one the checkpoints signed): the stored hash was altered"
                        : "its content and its exported leaf_hash disagree, and no checkpoint that holds covers it");
            }
        }
    }

    private boolean storedLeafMatchesContent(long index) {
        return storedLeaves.present(index) && storedLeaves.sameAs(index, contentLeaves);
    }

    private byte[] storedLeafRoot(long size) {
        if (storedTree == null) {
            storedTree = new InMemoryAuditTreeStore();
            AuditLogWriter writer = AuditLogWriter.open(storedTree);
            for (long i = 0; i < contentWriter.size(); i++) {
                byte[] stored = storedLeaves.get(i);
                writer.appendLeafHash(stored != null ? stored : contentLeaves.get(i));
            }
        }
        return TreeProofs.over(storedTree).root(size);
    }

    /** Leaf hashes in one growable array; null marks a line whose stored hash could not be read. */
    private static final class LeafHashes {
        private byte[] hashes = new byte[TreeHasher.HASH_BYTES * 1024];
        private boolean[] present = new boolean[1024];
        private int count;

        void add(byte[] hash) {
            if (count == present.length) {
                hashes = Arrays.copyOf(hashes, hashes.length * 2);
                present = Arrays.copyOf(present, present.length * 2);
            }
            if (hash != null) {
                System.arraycopy(hash, 0, hashes, count * TreeHasher.HASH_BYTES, TreeHasher.HASH_BYTES);
                present[count] = true;
            }
            count++;
        }

        boolean present(long index) {
            return present[Math.toIntExact(index)];
        }

        boolean sameAs(long index, LeafHashes other) {
            int from = Math.toIntExact(index) * TreeHasher.HASH_BYTES;
            return Arrays.equals(hashes, from, from + TreeHasher.HASH_BYTES, other.hashes, from, from + TreeHasher.HASH_BYTES);
        }

        byte[] get(long index) {
            int i = Math.toIntExact(index);
            return present[i] ? Arrays.copyOfRange(hashes, i * TreeHasher.HASH_BYTES, (i + 1) * TreeHasher.HASH_BYTES) : null;
        }
    }
}
