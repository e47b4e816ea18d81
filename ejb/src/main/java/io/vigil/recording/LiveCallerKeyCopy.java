package io.vigil.recording;

import io.vigil.keys.DataKeyHolder;
import io.vigil.session.pipeline.AudioSink;
import jakarta.ejb.Stateless;

/**
 * The caller track's copy of its live data key: see {@link LiveBlobKeyCopy}. The interface is named here because EJB
 * takes business interfaces from the bean class only.
 */
@Stateless
public class LiveCallerKeyCopy extends LiveBlobKeyCopy implements DataKeyHolder {

    @Override
    AudioSink.Track track() {
        return AudioSink.Track.CALLER;
    }
}
