package io.vigil.web.api;

import io.vigil.recording.RecordingLibrary;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.application.SessionMetricsCatalog;
import io.vigil.session.domain.LiveMetrics;
import io.vigil.session.domain.CallDetail;
import io.vigil.session.domain.CallPage;
import io.vigil.session.domain.CallQuery;
import io.vigil.session.domain.CallSummary;
import io.vigil.session.domain.Channel;
import io.vigil.web.api.security.AllowedRoles;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/calls}: the caller's tenant's calls, newest first, paged; and one call with its transcript (as
 * stored: redacted), events, flags, live-session metrics and the list of its recordings (the audio itself is played
 * by the console's {@code /recordings/{id}}). A call of another tenant, an unknown id and a malformed id all answer the same 404.
 */
@Path("calls")
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles({Role.COMPLIANCE_OFFICER, Role.SUPERVISOR, Role.LEGAL})
public class CallsResource {

    @EJB
    private CallCatalog catalog;

    @EJB
    private SessionMetricsCatalog metrics;

    @EJB
    private RecordingLibrary recordings;

    @Inject
    private CallerTenant caller;

    @Inject
    private io.vigil.web.api.audit.ApiAudit audit;

    @GET
    public Response list(@QueryParam("offset") @DefaultValue("0") int offset,
                         @QueryParam("limit") @DefaultValue("25") int limit,
                         @QueryParam("channel") String channel,
                         @QueryParam("flagged") @DefaultValue("false") boolean flagged) {
        CallQuery query;
        try {
            query = CallQuery.firstPage(limit).page(offset, limit).flagged(flagged)
                    .channel(channel == null || channel.isBlank() ? null : Channel.valueOf(channel));
        } catch (IllegalArgumentException e) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, "invalid query: offset >= 0, 1 <= limit <= "
                    + CallQuery.MAX_PAGE_SIZE + ", channel one of PHONE, REALTIME_API, BROWSER");
        }
        CallPage page = catalog.list(caller.tenant(), query);
        JsonArrayBuilder rows = Json.createArrayBuilder();
        page.rows().forEach(r -> rows.add(summary(r)));
        return Response.ok(Json.createObjectBuilder().add("total", page.total()).add("offset", offset)
                .add("calls", rows).build().toString()).build();
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id) {
        Optional<CallDetail> found = parse(id).flatMap(callId -> catalog.find(caller.tenant(), callId));
        audit.callViewed(id, found.isPresent());
        if (found.isEmpty()) {
            return ApiProblem.of(Response.Status.NOT_FOUND, "no such call");
        }
        CallDetail detail = found.get();
        JsonArrayBuilder transcript = Json.createArrayBuilder();
        detail.transcript().forEach(s -> transcript.add(Json.createObjectBuilder().add("speaker", s.speaker().name())
                .add("startMs", s.startMs()).add("endMs", s.endMs()).add("text", s.text())));
        JsonArrayBuilder events = Json.createArrayBuilder();
        detail.events().forEach(e -> events.add(Json.createObjectBuilder().add("type", e.type().name())
                .add("atMs", e.atMs()).add("payload", json(e.payload()))));
        JsonArrayBuilder flags = Json.createArrayBuilder();
        detail.flags().forEach(f -> flags.add(Json.createObjectBuilder().add("reason", f.reason().name())
                .add("severity", f.severity().name()).add("state", f.state().name()).add("atMs", f.atMs())));
        JsonArrayBuilder tracks = Json.createArrayBuilder();
        recordings.forSession(caller.tenant(), detail.session().id()).forEach(r -> tracks.add(Json.createObjectBuilder()
                .add("id", r.id().toString()).add("track", r.track()).add("durationMs", r.durationMs())
                .add("format", r.format()).add("sizeBytes", r.sizeBytes()).add("complete", r.complete())));
        JsonObjectBuilder body = Json.createObjectBuilder();
        metrics.forCall(caller.tenant(), detail.session().id()).ifPresent(m -> body.add("metrics", metricsJson(m)));
        return Response.ok(body
                .add("id", detail.session().id().toString())
                .add("startedAt", detail.session().startedAt().toString())
                .add("agent", detail.agentProfile().displayName())
                .add("channel", detail.session().channel().name())
                .add("status", detail.session().status().name())
                .add("consent", detail.session().consentState().name())
                .add("disclosure", detail.session().disclosureState().name())
                .add("transcript", transcript)
                .add("events", events)
                .add("flags", flags)
                .add("recordings", tracks)
                .build().toString()).build();
    }

    private static JsonObjectBuilder metricsJson(LiveMetrics m) {
        JsonArrayBuilder turns = Json.createArrayBuilder();
        m.turnLatencyMs().forEach(turns::add);
        JsonArrayBuilder bargeIns = Json.createArrayBuilder();
        m.bargeInReactionMs().forEach(bargeIns::add);
        JsonObjectBuilder o = Json.createObjectBuilder().add("durationMs", m.durationMs())
                .add("turnLatencyMs", turns).add("bargeInReactionMs", bargeIns)
                .add("callerTalkMs", m.callerTalkMs()).add("agentTalkMs", m.agentTalkMs())
                .add("silenceMs", m.silenceMs()).add("framesIn", m.framesIn()).add("framesOut", m.framesOut())
                .add("framesDropped", m.framesDropped()).add("badFrames", m.badFrames())
                .add("pciPausedMs", m.pciPausedMs());
        if (m.firstAgentAudioMs() != null) {
            o.add("firstAgentAudioMs", m.firstAgentAudioMs());
        }
        return o;
    }

    private static JsonObjectBuilder summary(CallSummary r) {
        JsonObjectBuilder row = Json.createObjectBuilder().add("id", r.id().toString())
                .add("startedAt", r.startedAt().toString()).add("agent", r.agentDisplayName())
                .add("channel", r.channel().name()).add("status", r.status().name()).add("flags", r.flagCount());
        if (r.durationMs() != null) {
            row.add("durationMs", r.durationMs());
        }
        return row;
    }

    /** Event payloads are stored as jsonb, so they are JSON already; they hold no personal data in the clear. */
    private static jakarta.json.JsonValue json(String payload) {
        try (jakarta.json.JsonReader reader = Json.createReader(new java.io.StringReader(payload))) {
            return reader.readValue();
        }
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
