package io.vigil.web.api;

import io.vigil.web.api.security.AllowedRoles;
import io.vigil.web.media.LiveCalls;
import io.vigil.web.media.RelayLatency;
import io.vigil.web.security.Role;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/live/relay}: how this node relays live audio, for administrators and the load harness: the latency
 * Vigil adds to each relayed frame (inbound and outbound, p50, p99, max in microseconds), what waits in the
 * persistence and recording queues, and the server's heap. Node figures only: no call, caller or tenant data.
 * {@code POST /api/v1/live/relay/reset} starts the latency figures afresh.
 */
@Path("live/relay")
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles(Role.ADMIN)
public class LiveRelayResource {

    @Inject
    private LiveCalls live;

    @GET
    public Response stats() {
        LiveCalls.RelayStats s = live.relayStats();
        return Response.ok(Json.createObjectBuilder()
                .add("inbound", latency(s.inbound()))
                .add("outbound", latency(s.outbound()))
                .add("recordsQueued", s.recordsQueued())
                .add("recordingFramesQueued", s.recordingFramesQueued())
                .add("recordingsFinishing", s.recordingsFinishing())
                .add("heapUsedBytes", s.heapUsedBytes())
                .add("heapMaxBytes", s.heapMaxBytes())
                .build().toString()).build();
    }

    @POST
    @Path("reset")
    public Response reset() {
        live.resetRelayStats();
        return Response.noContent().build();
    }

    private static JsonObjectBuilder latency(RelayLatency l) {
        return Json.createObjectBuilder().add("frames", l.count()).add("p50Micros", l.percentileMicros(50))
                .add("p99Micros", l.percentileMicros(99)).add("maxMicros", l.maxMicros());
    }
}
