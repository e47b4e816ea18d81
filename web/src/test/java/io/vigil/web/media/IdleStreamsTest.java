package io.vigil.web.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The idle sweep closes what went quiet, once, and leaves what still streams. */
class IdleStreamsTest {

    private static final long SECOND = 1_000_000_000L;

    private static final class FakeStream implements IdleStreams.Stream {
        long last;
        int closed;
        boolean failOnClose;

        FakeStream(long last) {
            this.last = last;
        }

        @Override
        public long lastFrameNanos() {
            return last;
        }

        @Override
        public void closeIdle() {
            closed++;
            if (failOnClose) {
                throw new IllegalStateException("already closed");
            }
        }
    }

    @Test
    void quietStreamsAreClosedOnceAndBusyOnesKept() {
        IdleStreams idle = new IdleStreams(60_000);
        FakeStream quiet = new FakeStream(0);
        FakeStream busy = new FakeStream(0);
        FakeStream broken = new FakeStream(0);
        broken.failOnClose = true;
        idle.add(quiet);
        idle.add(busy);
        idle.add(broken);

        assertEquals(0, idle.sweep(59 * SECOND), "a minute has not passed");
        busy.last = 59 * SECOND;
        assertEquals(2, idle.sweep(61 * SECOND));
        assertEquals(1, quiet.closed);
        assertEquals(1, broken.closed, "a close that throws does not stop the sweep");
        assertEquals(0, busy.closed);
        assertEquals(1, idle.watched());

        assertEquals(0, idle.sweep(62 * SECOND), "closed streams are not closed again");
        assertEquals(1, quiet.closed);
        idle.remove(busy);
        assertEquals(0, idle.watched());
        assertTrue(quiet.closed == 1);
        assertFalse(busy.closed > 0);
    }
}
