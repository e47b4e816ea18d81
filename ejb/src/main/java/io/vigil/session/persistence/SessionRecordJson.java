package io.vigil.session.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.SessionEventType;
import io.vigil.session.domain.Severity;
import io.vigil.session.domain.Speaker;
import io.vigil.session.pipeline.SessionRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * One {@link SessionRecord} as one line of JSON, the journal's format: {@code kind} (event, segment, flag),
 * {@code tenantId}, {@code sessionId}, then the record's own fields by their Java names. Records are already
 * redacted, so a journal line holds no more personal data than the database row it becomes.
 */
final class SessionRecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SessionRecordJson() {
    }

    static String write(SessionRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("tenantId", r.tenantId().toString()).put("sessionId", r.sessionId().toString());
        if (r instanceof SessionRecord.Event e) {
            o.put("kind", "event").put("type", e.type().name()).put("atMs", e.atMs()).put("payload", e.payloadJson());
        } else if (r instanceof SessionRecord.Segment s) {
            o.put("kind", "segment").put("seq", s.seq()).put("speaker", s.speaker().name())
                    .put("startMs", s.startMs()).put("endMs", s.endMs()).put("text", s.redactedText());
        } else {
            SessionRecord.RaisedFlag f = (SessionRecord.RaisedFlag) r;
            o.put("kind", "flag").put("reason", f.reason().name()).put("severity", f.severity().name())
                    .put("evidence", f.evidence()).put("atMs", f.atMs());
        }
        return o.toString();
    }

    /** @throws IllegalArgumentException for a line that is not a record (a torn last line after a crash) */
    static SessionRecord read(String line) {
        JsonNode o;
        try {
            o = MAPPER.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a journal record", e);
        }
        if (o == null || !o.has("kind")) {
            throw new IllegalArgumentException("not a journal record");
        }
        UUID tenant = UUID.fromString(o.path("tenantId").asText());
        UUID session = UUID.fromString(o.path("sessionId").asText());
        return switch (o.path("kind").asText()) {
            case "event" -> new SessionRecord.Event(tenant, session, SessionEventType.valueOf(o.path("type").asText()),
                    o.path("atMs").asInt(), o.path("payload").asText());
            case "segment" -> new SessionRecord.Segment(tenant, session, o.path("seq").asInt(),
                    Speaker.valueOf(o.path("speaker").asText()), o.path("startMs").asInt(), o.path("endMs").asInt(),
                    o.path("text").asText());
            case "flag" -> new SessionRecord.RaisedFlag(tenant, session, FlagReason.valueOf(o.path("reason").asText()),
                    Severity.valueOf(o.path("severity").asText()), o.path("evidence").asText(), o.path("atMs").asInt());
            default -> throw new IllegalArgumentException("unknown journal record kind");
        };
    }

    static UncheckedIOException unchecked(String what, IOException e) {
        return new UncheckedIOException(what, e);
    }
}
