package io.vigil.session.pipeline;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Back-pressure between a live session and persistence. The session (on the audio path) offers records without ever
 * blocking: a full queue sends the record to the {@link SessionJournal} instead. A persistence worker of the container
 * calls {@link #drainTo}; when the sink fails (the database is away) the record in hand goes to the journal too, and
 * draining stops until the next call. So records are never dropped: each is stored, queued or journalled.
 * Thread-safe; one queue may serve many sessions.
 */
public final class BoundedSessionQueue implements SessionSink {

    private final ArrayBlockingQueue<SessionRecord> queue;
    private final SessionJournal journal;
    private final AtomicLong journalled = new AtomicLong();

    public BoundedSessionQueue(int capacity, SessionJournal journal) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.journal = journal;
    }

    @Override
    public void event(SessionRecord.Event event) {
        offer(event);
    }

    @Override
    public void transcript(SessionRecord.Segment segment) {
        offer(segment);
    }

    @Override
    public void flag(SessionRecord.RaisedFlag flag) {
        offer(flag);
    }

    private void offer(SessionRecord r) {
        if (!queue.offer(r)) {
            journal.append(r);
            journalled.incrementAndGet();
        }
    }

    /**
     * Stores up to {@code max} queued records in {@code sink}; returns how many were stored. A record the sink refuses
     * (it threw) is journalled, and the call returns so the worker can back off.
     */
    public int drainTo(SessionSink sink, int max) {
        int stored = 0;
        SessionRecord r;
        while (stored < max && (r = queue.poll()) != null) {
            try {
                r.deliverTo(sink);
                stored++;
            } catch (RuntimeException e) {
                journal.append(r);
                journalled.incrementAndGet();
                return stored;
            }
        }
        return stored;
    }

    public int size() {
        return queue.size();
    }

    /** Records sent to the journal so far (overflow plus sink failures). */
    public long journalled() {
        return journalled.get();
    }
}
