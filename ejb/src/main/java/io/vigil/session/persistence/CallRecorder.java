package io.vigil.session.persistence;

import io.vigil.session.pipeline.AudioSink;
import io.vigil.session.pipeline.SessionStart;

/**
 * Opens the recorder of one live call: the seam where encrypted recordings (one per track, written to the blob
 * store by the key-management work's {@code RecordingWriter}) plug in. Until that lands, {@link ByteCountingRecorder}
 * is the implementation.
 */
@FunctionalInterface
public interface CallRecorder {

    AudioSink open(SessionStart start);
}
