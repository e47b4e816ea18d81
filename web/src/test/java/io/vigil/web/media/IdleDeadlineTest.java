package io.vigil.web.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The idle deadline as the WebSocket container drives it: cancel the last task, schedule a new one, per frame. */
class IdleDeadlineTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ScheduledExecutorService container = Executors.newSingleThreadScheduledExecutor();
    private final IdleDeadline deadline = new IdleDeadline(container, now::get);
    private final AtomicInteger closed = new AtomicInteger();
    /** A Runnable, as the container's idle command is (a method reference would be taken for a Callable). */
    private final Runnable close = () -> closed.incrementAndGet();

    @AfterEach
    void stop() {
        container.shutdownNow();
    }

    /** What the container does on each frame. */
    private ScheduledFuture<?> frame(ScheduledFuture<?> last) {
        if (last != null) {
            last.cancel(false);
        }
        return deadline.schedule(close, 60, TimeUnit.SECONDS);
    }

    @Test
    void aSessionWithFramesNeverTimesOut() {
        ScheduledFuture<?> last = null;
        for (int second = 0; second < 300; second++) {
            last = frame(last);
            now.addAndGet(1_000);
            assertFalse(deadline.runIfDue(now.get()));
        }
        assertEquals(0, closed.get());
        assertEquals(59_000, last.getDelay(TimeUnit.MILLISECONDS));
    }

    @Test
    void aSilentSessionTimesOutOnceAtItsDeadline() {
        frame(null);
        now.addAndGet(59_999);
        assertFalse(deadline.runIfDue(now.get()));
        now.addAndGet(1);
        assertTrue(deadline.runIfDue(now.get()));
        assertFalse(deadline.runIfDue(now.get() + 120_000), "the command runs once");
        assertEquals(1, closed.get());
    }

    @Test
    void aLateCancelOfAnOldHandleKeepsTheNewDeadline() {
        ScheduledFuture<?> old = frame(null);
        ScheduledFuture<?> current = deadline.schedule(close, 60, TimeUnit.SECONDS);
        assertFalse(old.cancel(false), "the old command is no longer the pending one");
        assertTrue(deadline.isPending());
        assertTrue(current.cancel(false));
        assertFalse(deadline.isPending());
        now.addAndGet(120_000);
        assertFalse(deadline.runIfDue(now.get()));
        assertEquals(0, closed.get());
    }

    @Test
    void aHandleCanBeAwaitedUntilItsCommandRanOrWasCancelled() throws Exception {
        ScheduledFuture<?> due = frame(null);
        assertThrows(TimeoutException.class, () -> due.get(1, TimeUnit.MILLISECONDS), "not due yet");
        CompletableFuture<Object> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return due.get();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        now.addAndGet(60_000);
        assertTrue(deadline.runIfDue(now.get()));
        assertNull(waiter.get(10, TimeUnit.SECONDS), "the waiter is woken once the command has run");
        assertTrue(due.isDone());
        assertFalse(due.isCancelled());
        assertEquals(1, closed.get());

        ScheduledFuture<?> moved = frame(null);
        frame(moved);
        assertTrue(moved.isCancelled());
        assertThrows(CancellationException.class, moved::get);
    }

    @Test
    void otherSchedulesGoToTheContainersScheduler() throws Exception {
        ScheduledFuture<Integer> answer = deadline.schedule(() -> 42, 1, TimeUnit.MILLISECONDS);
        assertEquals(42, answer.get(5, TimeUnit.SECONDS));
        deadline.shutdown();
        assertFalse(container.isShutdown(), "one session never shuts the shared scheduler down");
    }
}
