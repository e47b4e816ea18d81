package io.vigil.recording;

import io.vigil.keys.DataKeyHolder;
import io.vigil.session.pipeline.AudioSink;
import jakarta.ejb.Stateless;

/** The agent track's copy of its live data key: see {@link LiveBlobKeyCopy}. */
@Stateless
public class LiveAgentKeyCopy extends LiveBlobKeyCopy implements DataKeyHolder {

    @Override
    AudioSink.Track track() {
        return AudioSink.Track.AGENT;
    }
}
