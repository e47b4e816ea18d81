package io.vigil.session.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many sessions on a few periodic tasks: each is advanced, a closed one no more, a failing one alone drops out. */
class SimulatorTicksTest {

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final SimulatorTicks ticks = new SimulatorTicks(timer, 2);

    @AfterEach
    void stop() {
        ticks.close();
        timer.shutdownNow();
    }

    @Test
    void everySessionIsAdvancedUntilItsRegistrationIsClosed() throws Exception {
        CountDownLatch allTicked = new CountDownLatch(100 * 3);
        AtomicInteger[] counts = new AtomicInteger[100];
        SimulatorTicks.Registration[] registrations = new SimulatorTicks.Registration[100];
        for (int i = 0; i < 100; i++) {
            AtomicInteger count = counts[i] = new AtomicInteger();
            registrations[i] = ticks.add(() -> {
                if (count.incrementAndGet() <= 3) {
                    allTicked.countDown();
                }
            });
        }
        assertEquals(100, ticks.sessions());
        assertTrue(allTicked.await(30, TimeUnit.SECONDS), "each session ticked three times");

        registrations[0].close();
        assertEquals(99, ticks.sessions());
        int stoppedAt = counts[0].get();
        CountDownLatch later = new CountDownLatch(3);
        ticks.add(later::countDown);
        assertTrue(later.await(30, TimeUnit.SECONDS));
        assertTrue(counts[0].get() <= stoppedAt + 1, "at most the tick in progress when it was closed");
    }

    @Test
    void aSessionThatThrowsIsDroppedAndTheOthersGoOn() throws Exception {
        AtomicInteger failing = new AtomicInteger();
        ticks.add(() -> {
            failing.incrementAndGet();
            throw new IllegalStateException("broken");
        });
        ticks.add(() -> { });   // the two lanes: the next session lands beside the failing one
        CountDownLatch healthy = new CountDownLatch(5);
        ticks.add(healthy::countDown);
        assertTrue(healthy.await(30, TimeUnit.SECONDS));
        assertEquals(1, failing.get());
        assertEquals(2, ticks.sessions());
    }
}
