package io.vigil.session.pipeline;

/**
 * The local, durable overflow of the persistence queue: records that could not be queued or stored (the queue was
 * full, or the database was away) are appended here and replayed into the {@link SessionSink} when it is back. The
 * container implements it as an append-only file per node.
 */
public interface SessionJournal {

    void append(SessionRecord record);
}
