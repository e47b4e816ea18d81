package io.vigil.web.api.retention;

import io.vigil.audit.domain.AuditActor;
import io.vigil.retention.LegalHolds;
import io.vigil.retention.domain.HoldRejected;
import io.vigil.retention.domain.HoldScope;
import io.vigil.retention.domain.LegalHold;
import io.vigil.tenancy.TenantId;
import io.vigil.web.api.ApiProblem;
import io.vigil.web.api.CallerTenant;
import io.vigil.web.api.audit.ApiAudit;
import io.vigil.web.api.security.AllowedRoles;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Legal holds over the API. Legal users create holds and release them with four eyes ({@code release-request} by
 * one, {@code release-approval} by another: the same person gets 409); compliance officers read them. A hold of
 * another tenant is 404. Caller references are sent in the clear and stored only as the tenant's keyed hash.
 */
@Path("legal-holds")
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles({Role.LEGAL, Role.COMPLIANCE_OFFICER})
public class LegalHoldsResource {

    private static final String CREATE_BODY = "{\"matterName\": \"...\", \"reference\": \"...\", \"description\": \"...\","
            + " \"from\": \"2026-01-01T00:00:00Z\", \"to\": \"...\", \"custodians\": [], \"agentProfiles\": [],"
            + " \"callerReferences\": [], \"flagReasons\": [], \"calls\": []}";

    @EJB
    private LegalHolds holds;

    @Inject
    private CallerTenant caller;

    @GET
    public Response list(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("25") int size) {
        TenantId tenant = caller.tenant();
        JsonArrayBuilder list = Json.createArrayBuilder();
        holds.page(tenant, first, size).forEach(h -> list.add(RetentionJson.hold(h)));
        return Response.ok(Json.createObjectBuilder().add("total", holds.count(tenant)).add("holds", list).build()
                .toString()).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return found(id).map(h -> Response.ok(RetentionJson.hold(h).build().toString()).build())
                .orElseGet(LegalHoldsResource::noHold);
    }

    @GET
    @Path("{id}/calls")
    public Response calls(@PathParam("id") String id) {
        Optional<LegalHold> hold = found(id);
        if (hold.isEmpty()) {
            return noHold();
        }
        JsonArrayBuilder calls = Json.createArrayBuilder();
        holds.sessionsUnder(caller.tenant(), hold.get().id()).forEach(c -> calls.add(c.toString()));
        return Response.ok(Json.createObjectBuilder().add("calls", calls).build().toString()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles(Role.LEGAL)
    public Response create(String body) {
        TenantId tenant = caller.tenant();
        String matter;
        String reference;
        String description;
        HoldScope scope;
        try {
            JsonObject o = RetentionJson.body(body, CREATE_BODY);
            matter = RetentionJson.string(o, "matterName");
            reference = RetentionJson.string(o, "reference");
            description = RetentionJson.string(o, "description");
            List<String> callers = RetentionJson.strings(o, "callerReferences").stream()
                    .filter(r -> !r.isBlank()).map(r -> holds.callerHash(tenant, r)).toList();
            List<UUID> calls = RetentionJson.strings(o, "calls").stream().map(c -> RetentionResource.parse(c)
                    .orElseThrow(() -> new IllegalArgumentException("\"calls\" holds call ids (UUIDs); '" + c + "' is not one")))
                    .toList();
            scope = new HoldScope(RetentionJson.strings(o, "custodians"), RetentionJson.instant(o, "from"),
                    RetentionJson.instant(o, "to"), RetentionJson.strings(o, "agentProfiles"), callers,
                    RetentionJson.strings(o, "flagReasons"), calls);
        } catch (IllegalArgumentException | HoldRejected e) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, e.getMessage());
        }
        try {
            UUID id = holds.create(tenant, actor(), matter, reference, description, scope);
            return Response.created(URI.create("legal-holds/" + id))
                    .entity(RetentionJson.hold(holds.find(tenant, id).orElseThrow()).build().toString()).build();
        } catch (HoldRejected e) {
            return ApiProblem.of(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @POST
    @Path("{id}/release-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles(Role.LEGAL)
    public Response requestRelease(@PathParam("id") String id, String body) {
        String reason;
        try {
            reason = RetentionJson.string(RetentionJson.body(body, "{\"reason\": \"why the hold can end\"}"), "reason");
        } catch (IllegalArgumentException e) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, e.getMessage());
        }
        return act(id, hold -> holds.requestRelease(caller.tenant(), hold, actor(), reason));
    }

    @POST
    @Path("{id}/release-approval")
    @AllowedRoles(Role.LEGAL)
    public Response approveRelease(@PathParam("id") String id) {
        return act(id, hold -> holds.approveRelease(caller.tenant(), hold, actor()));
    }

    @POST
    @Path("{id}/release-withdrawal")
    @AllowedRoles(Role.LEGAL)
    public Response withdrawRelease(@PathParam("id") String id) {
        return act(id, hold -> holds.withdrawRelease(caller.tenant(), hold, actor()));
    }

    private Response act(String id, java.util.function.Consumer<UUID> action) {
        Optional<UUID> hold = RetentionResource.parse(id);
        if (hold.isEmpty()) {
            return noHold();
        }
        try {
            action.accept(hold.get());
        } catch (LegalHolds.HoldNotFound e) {
            return noHold();
        } catch (HoldRejected e) {
            return ApiProblem.of(Response.Status.CONFLICT, e.getMessage());
        }
        return Response.ok(RetentionJson.hold(holds.find(caller.tenant(), hold.get()).orElseThrow()).build().toString()).build();
    }

    private Optional<LegalHold> found(String id) {
        return RetentionResource.parse(id).flatMap(h -> holds.find(caller.tenant(), h));
    }

    private AuditActor actor() {
        return ApiAudit.actor(caller.caller());
    }

    private static Response noHold() {
        return ApiProblem.of(Response.Status.NOT_FOUND, "no such legal hold in your tenant");
    }
}
