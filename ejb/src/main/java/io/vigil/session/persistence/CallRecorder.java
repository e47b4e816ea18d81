package io.vigil.session.persistence;

import io.vigil.session.pipeline.AudioSink;
import io.vigil.session.pipeline.SessionStart;

/**
 * Opens the recorder of one live call. The implementation is {@code io.vigil.recording.LiveRecorder}: one
 * encrypted live track per speaker, written to the blob store as the call streams, and stored as the call's
 * recordings when it ends.
 */
@FunctionalInterface
public interface CallRecorder {

    AudioSink open(SessionStart start);
}
