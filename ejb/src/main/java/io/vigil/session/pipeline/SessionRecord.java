package io.vigil.session.pipeline;

import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.SessionEventType;
import io.vigil.session.domain.Severity;
import io.vigil.session.domain.Speaker;
import java.util.UUID;

/**
 * What a live session hands to persistence: canonical events, redacted transcript segments and flags. They map one to
 * one onto the {@code session_event}, {@code transcript_segment} and {@code flag} rows. Immutable, so they can wait
 * in a queue or a journal.
 */
public sealed interface SessionRecord {

    UUID tenantId();

    UUID sessionId();

    /** Hands this record to the matching method of a sink. */
    default void deliverTo(SessionSink sink) {
        if (this instanceof Event e) {
            sink.event(e);
        } else if (this instanceof Segment s) {
            sink.transcript(s);
        } else {
            sink.flag((RaisedFlag) this);
        }
    }

    /** A canonical event; {@code payloadJson} has the fields {@link SessionEventType} documents. */
    record Event(UUID tenantId, UUID sessionId, SessionEventType type, int atMs, String payloadJson)
            implements SessionRecord {
    }

    /** One turn of speech, already redacted. */
    record Segment(UUID tenantId, UUID sessionId, int seq, Speaker speaker, int startMs, int endMs,
                   String redactedText) implements SessionRecord {
    }

    /** A reason for review; {@code evidence} never holds personal data in the clear. */
    record RaisedFlag(UUID tenantId, UUID sessionId, FlagReason reason, Severity severity, String evidence, int atMs)
            implements SessionRecord {
    }
}
