package io.vigil.web.media;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes media streams that have gone quiet, from one periodic sweep. The container's own idle timeout is not used
 * for them: it restarts a scheduled task (with its context captured) on every frame in and every frame out, which
 * at fifty frames a second per call costs more than relaying the frame.
 */
final class IdleStreams {

    /** A stream the sweep watches. */
    interface Stream {
        /** {@link System#nanoTime()} of the last frame received. */
        long lastFrameNanos();

        /** Closes the stream because nothing came for too long. */
        void closeIdle();
    }

    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final long idleNanos;

    IdleStreams(long idleMillis) {
        this.idleNanos = idleMillis * 1_000_000L;
    }

    void add(Stream stream) {
        open.add(stream);
    }

    void remove(Stream stream) {
        open.remove(stream);
    }

    int watched() {
        return open.size();
    }

    /** Closes every stream silent for longer than the idle time at {@code nowNanos}; returns how many. */
    int sweep(long nowNanos) {
        int closed = 0;
        for (Stream stream : open) {
            if (nowNanos - stream.lastFrameNanos() > idleNanos && open.remove(stream)) {
                try {
                    stream.closeIdle();
                } catch (RuntimeException e) {
                    // already closing: the sweep goes on with the others
                }
                closed++;
            }
        }
        return closed;
    }
}
