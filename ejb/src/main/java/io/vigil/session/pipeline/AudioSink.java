package io.vigil.session.pipeline;

import java.io.IOException;

/**
 * The recorder of a live session: the container implements it over {@code RecordingWriter} (one encrypted recording
 * per track, written to the blob store). The pipeline calls it on the audio path, only after consent, so it must not
 * wait on the database. A failure is reported by throwing; the session then degrades or ends per policy, never
 * silently.
 */
public interface AudioSink {

    /** Whose audio a frame is. */
    enum Track { CALLER, AGENT }

    /** Appends PCM16 24 kHz mono little-endian audio that starts {@code atMs} into the call. */
    void write(Track track, long atMs, byte[] pcm) throws IOException;

    /** Completes the recordings (final segments); called once when the session ends. */
    void close() throws IOException;
}
