package io.vigil.session.pipeline;

/**
 * Where a live session's records go. The container implements it over JPA ({@code SessionEvent},
 * {@code TranscriptSegment}, {@code Flag.raise}); the pipeline always calls it through a {@link BoundedSessionQueue},
 * so the implementation may block on the database without ever stalling audio.
 */
public interface SessionSink {

    void event(SessionRecord.Event event);

    void transcript(SessionRecord.Segment segment);

    void flag(SessionRecord.RaisedFlag flag);
}
