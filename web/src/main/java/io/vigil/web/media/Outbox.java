package io.vigil.web.media;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.logging.Logger;

/**
 * A connection's bounded outbound queue. {@link #send} never blocks (it is called while the gateway holds the
 * session's lock): it queues the frame and starts an asynchronous send; each completed send starts the next, so
 * frames leave in order with one send outstanding. A peer that stops reading fills the queue and is closed with a
 * reason instead of growing the server's memory.
 */
final class Outbox {

    /** Messages: agent audio chunks (about 100 ms each from the embedded agent) and their marks, minutes of audio. */
    static final int CAPACITY = 4000;
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    /** When the frame being relayed on this thread arrived (0: not a relayed frame); set by the upstream listener. */
    static final ThreadLocal<long[]> RELAYING = ThreadLocal.withInitial(() -> new long[1]);

    private record Queued(String frame, long relayStartNanos) {
    }

    private final Session session;
    private final RelayLatency latency;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private long inFlightStart;
    private boolean sending;
    private boolean closed;
    private boolean inSend;
    private boolean completedInline;

    Outbox(Session session, RelayLatency latency) {
        this.session = session;
        this.latency = latency;
    }

    synchronized void send(String frame) {
        if (closed) {
            return;
        }
        if (queue.size() >= CAPACITY) {
            closed = true;
            queue.clear();
            close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "the peer stopped reading"));
            return;
        }
        queue.add(new Queued(frame, RELAYING.get()[0]));
        if (!sending) {
            next();
        }
    }

    /** A loop, not a recursion: a send may complete on the calling thread, and a long queue must not deepen the stack. */
    private void next() {
        while (true) {
            Queued next = queue.poll();
            sending = next != null;
            if (next == null) {
                return;
            }
            completedInline = false;
            inSend = true;
            inFlightStart = next.relayStartNanos();
            session.getAsyncRemote().sendText(next.frame(), this::sent);
            inSend = false;
            if (!completedInline) {
                return;
            }
        }
    }

    private synchronized void sent(SendResult result) {
        if (!result.isOK()) {
            closed = true;
            queue.clear();
            sending = false;
            return;
        }
        if (inFlightStart != 0 && latency != null) {
            latency.record(System.nanoTime() - inFlightStart);
        }
        if (inSend) {
            completedInline = true;
            return;
        }
        next();
    }

    void close(CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException e) {
            LOG.fine(() -> "closing a media connection failed: " + e.getMessage());
        }
    }
}
