package io.vigil.discovery.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.discovery.domain.AudioChoice;
import io.vigil.discovery.domain.CallMaterial;
import io.vigil.discovery.domain.ExportContent;
import io.vigil.discovery.domain.ExportJson;
import io.vigil.discovery.domain.ExportRequest;
import io.vigil.platform.NativeRows;
import io.vigil.recording.RecordingInfo;
import io.vigil.recording.RecordingLibrary;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.CallDetail;
import io.vigil.session.domain.Flag;
import io.vigil.session.domain.SessionEvent;
import io.vigil.session.domain.TranscriptSegment;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads one call for a bundle, in its own transaction: its facts, transcript (as stored, i.e. redacted), the JSON of
 * what the request chose (events, annotations, flags with every review step), and its audio decrypted from the
 * recording store (the first complete track; the demo and live recorder keep one mixed track per call).
 */
@Stateless
public class ExportCallLoader {

    @EJB
    private CallCatalog catalog;

    @EJB
    private RecordingLibrary recordings;

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    public CallMaterial load(TenantId tenant, ExportRequest request, UUID callId) throws IOException {
        CallDetail call = catalog.find(tenant, callId).orElseThrow(() -> new IOException("call " + callId
                + " no longer exists (deleted by retention after the export was requested)"));
        List<CallMaterial.Line> lines = call.transcript().stream().map(ExportCallLoader::line).toList();
        String custodian = call.agentProfile().name();
        String agent = call.agentProfile().name() + " v" + call.agentProfile().version() + " (" + call.agentProfile().upstreamModel() + ")";
        long duration = call.session().durationMs() == null ? 0 : call.session().durationMs();
        return new CallMaterial(callId, call.session().startedAt(), duration, custodian, agent,
                call.session().channel().name(), lines, metadata(tenant, request, call), audio(tenant, request, callId));
    }

    private byte[] audio(TenantId tenant, ExportRequest request, UUID callId) throws IOException {
        if (request.audio() == AudioChoice.NONE) {
            return null;
        }
        Optional<RecordingInfo> track = recordings.forSession(tenant, callId).stream()
                .filter(r -> r.complete() && !r.shredded()).findFirst();
        if (track.isEmpty()) {
            return null;
        }
        try (RecordingReader reader = recordings.open(tenant, track.get().id()).orElseThrow();
             InputStream in = reader.openAt(0)) {
            return in.readAllBytes();
        }
    }

    private String metadata(TenantId tenant, ExportRequest request, CallDetail call) {
        ObjectNode json = ExportJson.mapper().createObjectNode();
        json.put("callId", call.session().id().toString());
        json.put("startedAt", call.session().startedAt().toString());
        json.put("endedAt", call.session().endedAt() == null ? null : call.session().endedAt().toString());
        json.put("status", call.session().status().name());
        json.put("consent", call.session().consentState().name());
        json.put("disclosure", call.session().disclosureState().name());
        json.put("agentProfileId", call.agentProfile().id().toString());
        json.put("agentProfileVersion", call.agentProfile().version());
        if (request.includes(ExportContent.EVENTS)) {
            ArrayNode events = json.putArray("events");
            for (SessionEvent e : call.events()) {
                ObjectNode event = events.addObject();
                event.put("type", e.type().name());
                event.put("atMs", e.atMs());
                event.set("payload", parse(e.payload()));
            }
        }
        if (request.includes(ExportContent.ANNOTATIONS)) {
            json.set("annotations", rows(tenant, call.session().id(), "SELECT type, start_ms, end_ms, note, author_id, author_name,"
                    + " created_at, updated_at FROM annotation WHERE tenant_id = ?1 AND session_id = ?2 ORDER BY start_ms, id",
                    "type", "startMs", "endMs", "note", "authorId", "authorName", "createdAt", "updatedAt"));
        }
        if (request.includes(ExportContent.FLAGS)) {
            ArrayNode flags = json.putArray("flags");
            for (Flag f : call.flags()) {
                ObjectNode flag = flags.addObject();
                flag.put("id", f.id().toString());
                flag.put("reason", f.reason().name());
                flag.put("severity", f.severity().name());
                flag.put("state", f.state().name());
                flag.put("atMs", f.atMs());
                flag.put("evidence", f.evidence());
                flag.put("raisedAt", f.raisedAt().toString());
                flag.set("reviews", rows(tenant, f.id(), "SELECT action, from_state, to_state, actor_id, actor_name, at, detail,"
                        + " note FROM flag_transition WHERE tenant_id = ?1 AND flag_id = ?2 ORDER BY id",
                        "action", "fromState", "toState", "actorId", "actorName", "at", "detail", "note"));
            }
        }
        return json.toPrettyString() + "\n";
    }

    private ArrayNode rows(TenantId tenant, UUID id, String sql, String... names) {
        ArrayNode array = ExportJson.mapper().createArrayNode();
        for (Object[] row : NativeRows.query(em, sql, List.of(tenant.value(), id))) {
            ObjectNode node = array.addObject();
            for (int i = 0; i < names.length; i++) {
                Object value = row[i];
                if (value == null) {
                    node.putNull(names[i]);
                } else if (value instanceof Number n) {
                    node.put(names[i], n.longValue());
                } else if (value instanceof java.sql.Timestamp || value instanceof java.time.OffsetDateTime
                        || value instanceof java.time.Instant) {
                    node.put(names[i], io.vigil.keys.Rows.instant(value).toString());
                } else {
                    node.put(names[i], value.toString());
                }
            }
        }
        return array;
    }

    private static JsonNode parse(String payload) {
        try {
            return payload == null ? null : ExportJson.mapper().readTree(payload);
        } catch (IOException e) {
            return ExportJson.mapper().getNodeFactory().textNode(payload);
        }
    }

    private static CallMaterial.Line line(TranscriptSegment s) {
        return new CallMaterial.Line(s.speaker().name(), s.startMs(), s.endMs(), s.text());
    }
}
