package io.vigil.web.media;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * One WebSocket session's idle timeout as a deadline that a frame moves forward with two field writes.
 *
 * <p>The WebSocket container cancels and re-schedules a session's idle-timeout task on every frame, on the server's
 * managed scheduler, which captures the thread's context each time: at 50 frames a second each way per call that was
 * half of the server's CPU. Given to the session as its scheduler, this keeps at most one pending command (the
 * latest) with its due time; {@link IdleDeadlines} runs the due ones once a second. Anything else the session
 * schedules (a heartbeat, for instance) goes to the container's scheduler as before.
 */
final class IdleDeadline extends AbstractExecutorService implements ScheduledExecutorService {

    private final ScheduledExecutorService container;
    private final LongSupplier clockMillis;
    /** The latest scheduled command and its due time; {@code null} when none is pending. */
    private final AtomicReference<Pending> pending = new AtomicReference<>();

    IdleDeadline(ScheduledExecutorService container, LongSupplier clockMillis) {
        this.container = container;
        this.clockMillis = clockMillis;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Pending p = new Pending(command, clockMillis.getAsLong() + unit.toMillis(delay));
        Pending replaced = pending.getAndSet(p);
        if (replaced != null) {
            replaced.settle(true); // it will never run now
        }
        return p;
    }

    /** Runs the pending command if it is due and no frame moved it meanwhile; true when it ran. */
    boolean runIfDue(long nowMillis) {
        Pending p = pending.get();
        if (p == null || nowMillis < p.dueAtMillis || !pending.compareAndSet(p, null)) {
            return false;
        }
        try {
            p.command.run();
        } finally {
            p.settle(false);
        }
        return true;
    }

    boolean isPending() {
        return pending.get() != null;
    }

    /**
     * The handle of one scheduled command. Cancelling it clears the deadline only while it is still the pending one,
     * so a late cancel of an old handle never clears a newer deadline.
     */
    private final class Pending implements ScheduledFuture<Object> {
        private final Runnable command;
        private final long dueAtMillis;
        private volatile boolean cancelled;
        private volatile boolean settled;
        private volatile boolean waiting;

        Pending(Runnable command, long dueAtMillis) {
            this.command = command;
            this.dueAtMillis = dueAtMillis;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (!pending.compareAndSet(this, null)) {
                return false;
            }
            settle(true);
            return true;
        }

        /** Ran, or will never run; wakes whoever waits in {@link #get} (no lock is taken unless someone does). */
        void settle(boolean withoutRunning) {
            cancelled = withoutRunning;
            settled = true;
            if (waiting) {
                synchronized (this) {
                    notifyAll();
                }
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return settled;
        }

        /** Waits until the command has run (its result is null) or was cancelled. */
        @Override
        public Object get() throws InterruptedException {
            try {
                return get(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public synchronized Object get(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
            waiting = true;
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!isDone()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("the idle deadline has not passed yet");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            if (cancelled) {
                throw new CancellationException("the idle deadline was moved by a newer frame");
            }
            return null;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueAtMillis - clockMillis.getAsLong(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
        }
    }

    // everything else is the container's scheduler, unchanged

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return container.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return container.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return container.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        container.execute(command);
    }

    @Override
    public void shutdown() {
        // the container's scheduler is shared by every session: never shut it down from one of them
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return container.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return container.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return container.awaitTermination(timeout, unit);
    }
}
