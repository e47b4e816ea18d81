package io.vigil.session.persistence;

import io.vigil.session.pipeline.SessionRecord;
import io.vigil.session.pipeline.SessionSink;
import java.util.List;

/** A sink that collects records and stores them all or none on {@link #flush()}. */
public interface BatchSink extends SessionSink {

    /** Stores what was collected; throws (keeping the records pending) when they cannot be stored. */
    void flush();

    /** The records a failed flush left in hand; the sink is empty afterwards. */
    List<SessionRecord> discardPending();
}
