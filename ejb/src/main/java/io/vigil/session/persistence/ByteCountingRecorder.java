package io.vigil.session.persistence;

import io.vigil.session.pipeline.AudioSink;
import io.vigil.session.pipeline.SessionStart;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recorder used until encrypted recordings land: it stores <b>no audio at all</b> and only counts the bytes the
 * pipeline would have recorded (after consent), per track, so the seam is exercised and its figures can be checked.
 * The key-management work (branch {@code keys}: {@code RecordingWriter} and a blob store) replaces it with a
 * {@link CallRecorder} that writes one encrypted recording per track.
 */
public final class ByteCountingRecorder implements CallRecorder {

    private final AtomicLong callerBytes = new AtomicLong();
    private final AtomicLong agentBytes = new AtomicLong();

    @Override
    public AudioSink open(SessionStart start) {
        return new AudioSink() {
            @Override
            public void write(Track track, long atMs, byte[] pcm) {
                (track == Track.CALLER ? callerBytes : agentBytes).addAndGet(pcm.length);
            }

            @Override
            public void close() {
                // nothing was written, so there is nothing to complete
            }
        };
    }

    public long callerBytes() {
        return callerBytes.get();
    }

    public long agentBytes() {
        return agentBytes.get();
    }
}
