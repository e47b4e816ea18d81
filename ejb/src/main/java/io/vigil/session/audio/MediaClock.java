package io.vigil.session.audio;

/**
 * A monotonic millisecond clock for the media path. The pipeline and the simulator read time only through this, so
 * tests step time by hand and never sleep.
 */
@FunctionalInterface
public interface MediaClock {

    long nowMillis();

    /** The JVM's monotonic clock. */
    static MediaClock system() {
        return () -> System.nanoTime() / 1_000_000L;
    }
}
