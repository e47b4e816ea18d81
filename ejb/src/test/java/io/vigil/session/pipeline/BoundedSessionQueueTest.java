package io.vigil.session.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.session.domain.SessionEventType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BoundedSessionQueueTest {

    private static final UUID T = UUID.randomUUID();
    private static final UUID S = UUID.randomUUID();

    private static SessionRecord.Event event(int at) {
        return new SessionRecord.Event(T, S, SessionEventType.BARGE_IN, at, "{}");
    }

    /** A database that can go away. */
    private static final class Database implements SessionSink {
        final List<SessionRecord> stored = new ArrayList<>();
        boolean down;

        private void store(SessionRecord r) {
            if (down) {
                throw new IllegalStateException("connection refused");
            }
            stored.add(r);
        }

        @Override public void event(SessionRecord.Event e) { store(e); }
        @Override public void transcript(SessionRecord.Segment s) { store(s); }
        @Override public void flag(SessionRecord.RaisedFlag f) { store(f); }
    }

    @Test
    void neitherAFullQueueNorADownDatabaseLosesARecord() {
        List<SessionRecord> journal = new ArrayList<>();
        BoundedSessionQueue queue = new BoundedSessionQueue(4, journal::add);
        Database db = new Database();
        for (int i = 0; i < 10; i++) {
            queue.event(event(i)); // the audio path never waits: 4 queued, 6 journalled
        }
        assertEquals(4, queue.size());
        assertEquals(6, journal.size());

        db.down = true;
        assertEquals(0, queue.drainTo(db, 100));
        assertEquals(7, journal.size(), "the record in hand when the database failed is journalled");
        db.down = false;
        assertEquals(3, queue.drainTo(db, 100));

        journal.forEach(r -> r.deliverTo(db)); // the container's replay once the database is back
        Set<Integer> times = new HashSet<>();
        db.stored.forEach(r -> times.add(((SessionRecord.Event) r).atMs()));
        assertEquals(10, times.size(), "every record stored exactly once");
        assertEquals(7, queue.journalled());
    }
}
