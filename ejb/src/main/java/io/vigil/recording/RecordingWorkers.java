package io.vigil.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads that encrypt and write live recordings, off the audio path. Each call is pinned to one stripe, so its
 * frames are written in order by one thread. A stripe has a bounded queue of frames: {@link #offer} never blocks, and
 * a full queue is answered with {@code false} (the call then records a recording failure and goes on). End-of-call
 * work ({@link Deferred}) waits in an unbounded side queue until its call's frames are all written, and may ask to be
 * retried later (finishing needs the database).
 */
public final class RecordingWorkers implements AutoCloseable {

    /** Work that runs once its call's frames are written; returns false to be retried after a pause. */
    public interface Deferred {
        boolean ready();

        boolean run();
    }

    static final long RETRY_MS = 5_000;
    private static final Logger LOG = Logger.getLogger(RecordingWorkers.class.getName());

    /** How long {@link #close} waits for queued frames to reach the disk. */
    static final long DRAIN_MS = 10_000;

    private final List<Stripe> stripes = new ArrayList<>();
    private final List<Thread> running = new ArrayList<>();

    public RecordingWorkers(int threads, int framesPerThread, ThreadFactory factory) {
        for (int i = 0; i < threads; i++) {
            Stripe s = new Stripe(framesPerThread);
            stripes.add(s);
            Thread t = factory.newThread(s);
            t.setName("vigil-recorder-" + i);
            t.start();
            running.add(t);
        }
    }

    /** The stripe a call is pinned to. */
    int stripeOf(Object call) {
        return Math.floorMod(call.hashCode(), stripes.size());
    }

    /** Queues a frame's work; false when the stripe's queue is full. */
    boolean offer(int stripe, Runnable frame) {
        return stripes.get(stripe).frames.offer(frame);
    }

    void defer(int stripe, Deferred work) {
        stripes.get(stripe).deferred.add(new Pending(work, 0));
    }

    /** Frames waiting, over all stripes (for tests and the health of the node). */
    public int queued() {
        return stripes.stream().mapToInt(s -> s.frames.size()).sum();
    }

    /** End-of-call work waiting (finishing recordings, or retrying while the database is away). */
    public int deferred() {
        return stripes.stream().mapToInt(s -> s.deferred.size()).sum();
    }

    /**
     * Stops the threads once their queues are empty and waits (bounded) until they have, so frames already accepted
     * reach the disk before shutdown. Work still deferred is left (its live blobs stay on disk for recovery).
     */
    @Override
    public void close() {
        stripes.forEach(s -> s.running = false);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS);
        for (Thread t : running) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                if (left > 0) {
                    t.join(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                LOG.warning(() -> t.getName() + " still writing after " + DRAIN_MS + " ms; leaving it to finish");
            }
        }
    }

    private record Pending(Deferred work, long notBefore) {
    }

    private static final class Stripe implements Runnable {
        final BlockingQueue<Runnable> frames;
        final ConcurrentLinkedQueue<Pending> deferred = new ConcurrentLinkedQueue<>();
        volatile boolean running = true;

        Stripe(int capacity) {
            frames = new ArrayBlockingQueue<>(capacity);
        }

        @Override
        public void run() {
            while (running || !frames.isEmpty()) {
                try {
                    Runnable frame = frames.poll(20, TimeUnit.MILLISECONDS);
                    if (frame != null) {
                        safely(frame);
                    }
                    if (frame == null || frames.isEmpty()) {
                        runDeferred();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void runDeferred() {
            long now = System.currentTimeMillis();
            for (int n = deferred.size(); n > 0; n--) {
                Pending p = deferred.poll();
                if (p == null) {
                    return;
                }
                if (p.notBefore() > now || !p.work().ready()) {
                    deferred.add(p);
                    continue;
                }
                boolean done;
                try {
                    done = p.work().run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "finishing a recording failed; retrying", e);
                    done = false;
                }
                if (!done) {
                    deferred.add(new Pending(p.work(), now + RETRY_MS));
                }
            }
        }

        private static void safely(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a recording task failed", e);
            }
        }
    }
}
