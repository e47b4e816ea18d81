package io.vigil.web.api.retention;

import io.vigil.retention.RetentionPolicyBook;
import io.vigil.retention.RetentionSweeps;
import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.PolicyRejected;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.retention.domain.RetentionPolicy;
import io.vigil.retention.domain.SweepMode;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Retention over the API: the tenant's policies (administrators change them; compliance and legal read them), and
 * sweeps: {@code POST /api/v1/retention/sweeps} with {@code {"mode": "DRY_RUN"|"APPLY", "asOf": "..."}} answers
 * 202 with the sweep, which runs on in the background; {@code GET .../sweeps/{id}} follows it; its certificate and
 * the hashes of what it covered are downloadable by compliance. An id of another tenant is 404.
 */
@Path("retention")
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles({Role.ADMIN, Role.COMPLIANCE_OFFICER})
public class RetentionResource {

    private static final String POLICY_BODY = "{\"retentionClass\": \"standard\", \"dataClass\": \"RAW_CALLER_AUDIO\","
            + " \"jurisdiction\": \"*\", \"periodDays\": 90, \"action\": \"CRYPTO_SHRED\"}";

    @EJB
    private RetentionPolicyBook book;

    @EJB
    private RetentionSweeps sweeps;

    @Inject
    private CallerTenant caller;

    @GET
    @Path("policies")
    @AllowedRoles({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.LEGAL})
    public Response policies() {
        JsonArrayBuilder rules = Json.createArrayBuilder();
        book.policies(caller.tenant()).all().forEach(p -> rules.add(RetentionJson.policy(p)));
        return Response.ok(Json.createObjectBuilder().add("policies", rules).build().toString()).build();
    }

    @PUT
    @Path("policies")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles(Role.ADMIN)
    public Response savePolicy(String body) {
        RetentionPolicy rule;
        try {
            JsonObject o = RetentionJson.body(body, POLICY_BODY);
            if (!o.containsKey("periodDays") || o.get("periodDays").getValueType() != jakarta.json.JsonValue.ValueType.NUMBER) {
                throw new IllegalArgumentException("\"periodDays\" (a number of days) is required");
            }
            rule = new RetentionPolicy(Optional.ofNullable(RetentionJson.string(o, "retentionClass")).orElse("standard"),
                    named(DataClass.class, RetentionJson.string(o, "dataClass"), "dataClass"),
                    RetentionJson.string(o, "jurisdiction"), o.getInt("periodDays"),
                    named(RetentionAction.class, RetentionJson.string(o, "action"), "action"));
        } catch (IllegalArgumentException | PolicyRejected e) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, e.getMessage() + "; e.g. " + POLICY_BODY);
        }
        try {
            book.save(caller.tenant(), rule, ApiAudit.actor(caller.caller()));
        } catch (PolicyRejected e) {
            return ApiProblem.of(Response.Status.CONFLICT, e.getMessage());
        }
        return Response.ok(RetentionJson.policy(rule).build().toString()).build();
    }

    @DELETE
    @Path("policies/{retentionClass}/{dataClass}/{jurisdiction}")
    @AllowedRoles(Role.ADMIN)
    public Response removeOverride(@PathParam("retentionClass") String retentionClass,
                                   @PathParam("dataClass") String dataClass, @PathParam("jurisdiction") String jurisdiction) {
        try {
            book.removeOverride(caller.tenant(), retentionClass, named(DataClass.class, dataClass, "dataClass"),
                    jurisdiction.toUpperCase(Locale.ROOT), ApiAudit.actor(caller.caller()));
        } catch (IllegalArgumentException e) {
            return ApiProblem.of(Response.Status.NOT_FOUND, e.getMessage());
        } catch (PolicyRejected e) {
            return ApiProblem.of(Response.Status.CONFLICT, e.getMessage());
        }
        return Response.noContent().build();
    }

    @POST
    @Path("sweeps")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startSweep(String body) {
        SweepMode mode;
        Instant asOf;
        try {
            JsonObject o = RetentionJson.body(body, "{\"mode\": \"DRY_RUN\"|\"APPLY\", \"asOf\": \"2026-11-26T00:00:00Z\" (optional)}");
            mode = named(SweepMode.class, Optional.ofNullable(RetentionJson.string(o, "mode")).orElse("DRY_RUN"), "mode");
            asOf = RetentionJson.instant(o, "asOf");
        } catch (IllegalArgumentException e) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (mode == SweepMode.APPLY && !caller.caller().has(Role.ADMIN)) {
            return ApiProblem.of(Response.Status.FORBIDDEN, "only administrators apply a sweep; compliance officers"
                    + " may start a dry run");
        }
        TenantId tenant = caller.tenant();
        try {
            UUID id = sweeps.start(tenant, mode, asOf, ApiAudit.actor(caller.caller()));
            return Response.accepted(RetentionJson.sweep(sweeps.find(tenant, id).orElseThrow()).build().toString()).build();
        } catch (PolicyRejected e) {
            return ApiProblem.of(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @GET
    @Path("sweeps")
    public Response listSweeps(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("25") int size) {
        TenantId tenant = caller.tenant();
        JsonArrayBuilder runs = Json.createArrayBuilder();
        sweeps.page(tenant, first, size).forEach(r -> runs.add(RetentionJson.sweep(r)));
        return Response.ok(Json.createObjectBuilder().add("total", sweeps.count(tenant)).add("sweeps", runs).build()
                .toString()).build();
    }

    @GET
    @Path("sweeps/{id}")
    public Response sweep(@PathParam("id") String id) {
        return parse(id).flatMap(s -> sweeps.find(caller.tenant(), s))
                .map(r -> Response.ok(RetentionJson.sweep(r).build().toString()).build())
                .orElseGet(RetentionResource::noSweep);
    }

    @GET
    @Path("sweeps/{id}/items")
    public Response items(@PathParam("id") String id, @QueryParam("first") @DefaultValue("0") int first,
                          @QueryParam("size") @DefaultValue("100") int size) {
        TenantId tenant = caller.tenant();
        Optional<UUID> sweep = parse(id).filter(s -> sweeps.find(tenant, s).isPresent());
        if (sweep.isEmpty()) {
            return noSweep();
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        sweeps.items(tenant, sweep.get(), first, size).forEach(i -> items.add(RetentionJson.item(i)));
        return Response.ok(Json.createObjectBuilder().add("total", sweeps.itemCount(tenant, sweep.get()))
                .add("items", items).build().toString()).build();
    }

    @GET
    @Path("sweeps/{id}/certificate")
    public Response certificate(@PathParam("id") String id) {
        return parse(id).flatMap(s -> sweeps.certificate(caller.tenant(), s))
                .map(c -> Response.ok(RetentionJson.certificate(c).build().toString())
                        .header("Content-Disposition", "attachment; filename=\"retention-certificate-" + id + ".json\"").build())
                .orElseGet(() -> ApiProblem.of(Response.Status.NOT_FOUND, "no finished sweep " + id
                        + " in your tenant (a running sweep has its certificate when it ends)"));
    }

    @GET
    @Path("sweeps/{id}/hashes")
    @Produces(MediaType.TEXT_PLAIN)
    public Response hashes(@PathParam("id") String id) {
        TenantId tenant = caller.tenant();
        Optional<UUID> sweep = parse(id).filter(s -> sweeps.find(tenant, s).isPresent());
        if (sweep.isEmpty()) {
            return noSweep();
        }
        StreamingOutput out = stream -> sweeps.writeItemHashes(tenant, sweep.get(), stream);
        return Response.ok(out, MediaType.TEXT_PLAIN_TYPE)
                .header("Content-Disposition", "attachment; filename=\"retention-hashes-" + id + ".txt\"").build();
    }

    @POST
    @Path("sweeps/{id}/resume")
    @AllowedRoles(Role.ADMIN)
    public Response resume(@PathParam("id") String id) {
        TenantId tenant = caller.tenant();
        Optional<UUID> sweep = parse(id);
        if (sweep.isEmpty() || sweeps.find(tenant, sweep.get()).isEmpty()) {
            return noSweep();
        }
        if (!sweeps.resume(tenant, sweep.get(), ApiAudit.actor(caller.caller()))) {
            return ApiProblem.of(Response.Status.CONFLICT, "only a failed sweep can be resumed");
        }
        return Response.accepted(RetentionJson.sweep(sweeps.find(tenant, sweep.get()).orElseThrow()).build().toString()).build();
    }

    private static Response noSweep() {
        return ApiProblem.of(Response.Status.NOT_FOUND, "no such sweep in your tenant");
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static <E extends Enum<E>> E named(Class<E> type, String value, String field) {
        String name = upper(value, field);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("\"" + field + "\" is one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private static String upper(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("\"" + field + "\" is required");
        }
        return value.strip().toUpperCase(Locale.ROOT);
    }
}
