package io.vigil.session.persistence;

import io.vigil.session.pipeline.BoundedSessionQueue;
import io.vigil.session.pipeline.SessionSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The persistence worker of live sessions, off the audio path. Sessions write to {@link #queue()} (which never
 * blocks); the container calls {@link #round()} every 200 ms from one thread. A round:
 * <ol>
 *   <li>replays the journal (records that overflowed the queue or met a database failure), oldest first;</li>
 *   <li>drains the queue in batches of {@value #BATCH} into the database, each batch one transaction;</li>
 *   <li>completes the {@code call_session} rows of calls that ended before the round began: by then all their
 *       records were offered, so they have been stored by steps 1 and 2 and the flag count is final.</li>
 * </ol>
 * A database failure journals the batch in hand and ends the round; the next rounds back off (up to 5 s) and
 * start with the replay, so the order of a session's records is kept and nothing is lost.
 */
public final class SessionPersistence {

    static final int BATCH = 500;
    private static final int MAX_BACKOFF_ROUNDS = 25;
    private static final Logger LOG = Logger.getLogger(SessionPersistence.class.getName());

    private final BoundedSessionQueue queue;
    private final FileSessionJournal journal;
    private final BatchSink sink;
    private final CallSessionRows calls;
    private final ConcurrentLinkedQueue<CallSessionRows.Ending> endings = new ConcurrentLinkedQueue<>();
    private int failures;
    private int skip;

    public SessionPersistence(int capacity, FileSessionJournal journal, BatchSink sink, CallSessionRows calls) {
        this.queue = new BoundedSessionQueue(capacity, journal);
        this.journal = journal;
        this.sink = sink;
        this.calls = calls;
    }

    /** Where sessions send their records. */
    public SessionSink queue() {
        return queue;
    }

    /** Called once a session has ended and sent its last record. */
    public void ended(CallSessionRows.Ending ending) {
        endings.add(ending);
    }

    /** One round of the worker; never throws (a failure is logged once and retried later). */
    public synchronized void round() {
        if (skip > 0) {
            skip--;
            return;
        }
        List<CallSessionRows.Ending> due = new ArrayList<>(endings);
        try {
            journal.replayInto(sink);
            int stored;
            do {
                stored = queue.drainTo(sink, BATCH);
                flushOrJournal();
            } while (stored == BATCH);
            for (CallSessionRows.Ending e : due) {
                calls.complete(e);
                endings.remove(e);
            }
            if (failures > 0) {
                LOG.info("the database is back: session records are being stored again");
            }
            failures = 0;
        } catch (Exception e) {
            sink.discardPending(); // a failed replay leaves its file; a failed drain was journalled already
            if (failures++ == 0) {
                LOG.log(Level.WARNING, "session records go to the local journal until the database answers: "
                        + e.getMessage());
            }
            skip = Math.min(MAX_BACKOFF_ROUNDS, 1 << Math.min(failures, 5));
        }
    }

    private void flushOrJournal() {
        try {
            sink.flush();
        } catch (RuntimeException e) {
            journal.appendAll(sink.discardPending());
            throw e;
        }
    }

    /** Records waiting in memory (for the health page and tests). */
    public int queued() {
        return queue.size();
    }
}
