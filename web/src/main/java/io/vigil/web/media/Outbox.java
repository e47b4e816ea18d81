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

    /** About a minute of agent audio at 50 frames a second, plus its marks. */
    static final int CAPACITY = 4000;
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Session session;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;
    private boolean inSend;
    private boolean completedInline;

    Outbox(Session session) {
        this.session = session;
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
        queue.add(frame);
        if (!sending) {
            next();
        }
    }

    /** A loop, not a recursion: a send may complete on the calling thread, and a long queue must not deepen the stack. */
    private void next() {
        while (true) {
            String frame = queue.poll();
            sending = frame != null;
            if (frame == null) {
                return;
            }
            completedInline = false;
            inSend = true;
            session.getAsyncRemote().sendText(frame, this::sent);
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
