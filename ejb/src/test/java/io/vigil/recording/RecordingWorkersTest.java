package io.vigil.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordingWorkersTest {

    @Test
    void closeReturnsOnlyOnceTheFramesAlreadyAcceptedAreWritten() throws Exception {
        List<Integer> written = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        RecordingWorkers workers = new RecordingWorkers(1, 10, Thread::new);
        workers.offer(0, () -> {
            started.countDown();
            sleep(200); // a slow disk
            written.add(1);
        });
        workers.offer(0, () -> written.add(2));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        workers.close();
        assertEquals(List.of(1, 2), written, "both frames on disk when close returns");
        workers.offer(0, () -> written.add(3));
        sleep(100);
        assertEquals(2, written.size(), "nothing runs after close");
    }

    @Test
    void framesOfOneStripeAreWrittenInOrder() throws Exception {
        List<Integer> written = new CopyOnWriteArrayList<>();
        RecordingWorkers workers = new RecordingWorkers(2, 1_000, Thread::new);
        int stripe = workers.stripeOf("call-1");
        for (int i = 0; i < 500; i++) {
            int frame = i;
            assertTrue(workers.offer(stripe, () -> written.add(frame)));
        }
        workers.close();
        assertEquals(500, written.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(i, written.get(i));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
