package io.vigil.session.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The 20 ms clock of every embedded agent session in this JVM: a few periodic tasks (lanes), each advancing its share
 * of the sessions in turn, instead of one periodic task per call. With a thousand calls that is a few timer wake-ups
 * every 20 ms rather than fifty thousand scheduled tasks a second, each with its own queue operations and hand-off.
 *
 * <p>A session's tick must not throw (it reports its own failure); one that does is removed so the lane goes on.
 */
public final class SimulatorTicks implements AutoCloseable {

    static final long TICK_MS = 20;

    private final List<Set<Runnable>> lanes = new ArrayList<>();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    /** {@code laneCount} periodic tasks on {@code timer}: as many as it has threads. */
    public SimulatorTicks(ScheduledExecutorService timer, int laneCount) {
        for (int i = 0; i < laneCount; i++) {
            Set<Runnable> lane = ConcurrentHashMap.newKeySet();
            lanes.add(lane);
            timers.add(timer.scheduleAtFixedRate(() -> advance(lane), 0, TICK_MS, TimeUnit.MILLISECONDS));
        }
    }

    /** A session's place on the clock; closing it stops its ticks. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code tick} every 20 ms from now until the returned registration is closed. */
    public Registration add(Runnable tick) {
        Set<Runnable> lane = lanes.get(Math.floorMod(next.getAndIncrement(), lanes.size()));
        lane.add(tick);
        return () -> lane.remove(tick);
    }

    /** Sessions being advanced. */
    public int sessions() {
        return lanes.stream().mapToInt(Set::size).sum();
    }

    private static void advance(Set<Runnable> lane) {
        for (Runnable tick : lane) {
            try {
                tick.run();
            } catch (RuntimeException e) {
                lane.remove(tick); // a periodic task that threw would stop the whole lane
            }
        }
    }

    @Override
    public void close() {
        timers.forEach(t -> t.cancel(false));
    }
}
