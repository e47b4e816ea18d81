package io.vigil.web.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdleDeadlinesTest {

    private final AtomicLong now = new AtomicLong();
    private final IdleDeadlines deadlines = new IdleDeadlines(now::get);
    private final ScheduledExecutorService container = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        container.shutdownNow();
    }

    private static Session session(AtomicBoolean open) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> open.get();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void aSessionWithoutTheContainersSchedulerFieldKeepsItsOwnTimer() {
        assertFalse(deadlines.install(session(new AtomicBoolean(true))));
        assertEquals(0, deadlines.size());
    }

    @Test
    void theSweepClosesDueSessionsOnlyAndForgetsClosedOnes() {
        AtomicInteger timedOut = new AtomicInteger();
        Runnable timeOut = () -> timedOut.incrementAndGet();
        AtomicBoolean silentOpen = new AtomicBoolean(true);
        AtomicBoolean busyOpen = new AtomicBoolean(true);
        AtomicBoolean goneOpen = new AtomicBoolean(true);
        IdleDeadline silent = new IdleDeadline(container, now::get);
        IdleDeadline busy = new IdleDeadline(container, now::get);
        deadlines.track(session(silentOpen), silent);
        deadlines.track(session(busyOpen), busy);
        deadlines.track(session(goneOpen), new IdleDeadline(container, now::get));
        silent.schedule(() -> {
            timedOut.incrementAndGet();
            silentOpen.set(false);
        }, 60, TimeUnit.SECONDS);
        busy.schedule(timeOut, 60, TimeUnit.SECONDS);
        goneOpen.set(false);

        now.set(30_000);
        busy.schedule(timeOut, 60, TimeUnit.SECONDS); // a frame moves its deadline to 90 s
        assertEquals(0, deadlines.sweep());
        assertEquals(2, deadlines.size(), "the closed session is forgotten");

        now.set(60_000);
        assertEquals(1, deadlines.sweep());
        assertEquals(1, timedOut.get());
        assertEquals(0, deadlines.sweep());
        assertEquals(1, deadlines.size(), "the timed-out session is forgotten once closed");
    }
}
