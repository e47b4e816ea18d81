package io.vigil.recording;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * PCM16 mono little-endian audio of a known length, read as a stream each time it is needed: how a finished call's
 * tracks reach the recordings they are stored as, so that no call is ever held in memory whole.
 */
public interface PcmSource {

    /** The length in bytes; {@link #open} yields exactly this many. */
    long bytes();

    /** A new stream over the audio, from its start. */
    InputStream open() throws IOException;

    static PcmSource of(byte[] pcm) {
        return new PcmSource() {
            @Override
            public long bytes() {
                return pcm.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(pcm);
            }
        };
    }
}
