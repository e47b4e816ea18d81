package io.vigil.web.media;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The idle deadlines of this node's WebSocket sessions, checked once a second ({@link #sweep}), so that a frame costs
 * the session two field writes instead of a task re-scheduled on the server's managed scheduler.
 *
 * <p>{@link #install} gives a session an {@link IdleDeadline} in place of the scheduler the container gave it. That
 * field is the container's own (Tyrus, as Payara ships it), so it is reached by reflection; with a container that has
 * no such field the session keeps the container's timer, which is correct, only slower, and this is said once in the
 * log. Sessions leave the registry when they close.
 */
final class IdleDeadlines {

    private static final Logger LOG = Logger.getLogger(IdleDeadlines.class.getName());
    private static final String SCHEDULER_FIELD = "service";

    private final Map<Session, IdleDeadline> sessions = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;
    private final AtomicBoolean unsupportedSaid = new AtomicBoolean();

    IdleDeadlines(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    /**
     * Call before {@link Session#setMaxIdleTimeout}, so that the timeout is scheduled here from the start. Returns
     * whether the session now uses a deadline.
     */
    boolean install(Session session) {
        Field field = schedulerField(session.getClass());
        if (field == null) {
            sayUnsupportedOnce(session.getClass().getName() + " has no scheduler field", null);
            return false;
        }
        try {
            ScheduledExecutorService containers = (ScheduledExecutorService) field.get(session);
            IdleDeadline deadline = new IdleDeadline(containers, clockMillis);
            field.set(session, deadline);
            track(session, deadline);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            sayUnsupportedOnce("its scheduler cannot be replaced", e);
            return false;
        }
    }

    void track(Session session, IdleDeadline deadline) {
        sessions.put(session, deadline);
    }

    /** Runs the due idle timeouts and forgets closed sessions; returns how many timed out. */
    int sweep() {
        long now = clockMillis.getAsLong();
        int timedOut = 0;
        for (Map.Entry<Session, IdleDeadline> e : sessions.entrySet()) {
            if (!e.getKey().isOpen()) {
                sessions.remove(e.getKey());
                continue;
            }
            try {
                if (e.getValue().runIfDue(now)) {
                    timedOut++;
                }
            } catch (RuntimeException failure) {
                LOG.log(Level.FINE, "closing an idle WebSocket session failed", failure);
            }
        }
        return timedOut;
    }

    int size() {
        return sessions.size();
    }

    private static Field schedulerField(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(SCHEDULER_FIELD);
                if (f.getType() == ScheduledExecutorService.class) {
                    f.setAccessible(true);
                    return f;
                }
            } catch (NoSuchFieldException e) {
                // try the superclass
            } catch (RuntimeException e) {
                return null; // not accessible in this runtime
            }
        }
        return null;
    }

    private void sayUnsupportedOnce(String why, Throwable cause) {
        if (unsupportedSaid.compareAndSet(false, true)) {
            LOG.log(Level.INFO, "WebSocket sessions keep the container's idle timer (" + why + "): correct, but it"
                    + " costs a scheduled task per frame", cause);
        }
    }
}
