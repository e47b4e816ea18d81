package io.vigil.web.api.dpia;

import io.vigil.dpia.application.DpiaRegister;
import io.vigil.dpia.application.DpiaReports;
import io.vigil.dpia.domain.Dpia;
import io.vigil.dpia.domain.DpiaActor;
import io.vigil.dpia.domain.DpiaException;
import io.vigil.dpia.domain.DpiaSummary;
import io.vigil.dpia.domain.FactChange;
import io.vigil.tenancy.TenantId;
import io.vigil.web.api.ApiProblem;
import io.vigil.web.api.CallerTenant;
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
import java.util.UUID;

/**
 * {@code /api/v1/dpia}: the caller's tenant's DPIAs, read-only. {@code GET /dpia} pages the versions with their state
 * and drift, {@code GET /dpia/{id}} one version with the facts that changed since its approval, {@code GET
 * /dpia/{id}/pdf} its PDF (audited). An unknown, malformed or another tenant's id is a 404.
 */
@Path("dpia")
@AllowedRoles({Role.COMPLIANCE_OFFICER, Role.ADMIN, Role.LEGAL})
public class DpiaResource {

    @EJB
    private DpiaRegister register;

    @EJB
    private DpiaReports reports;

    @Inject
    private CallerTenant caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("50") int size) {
        TenantId tenant = caller.tenant();
        DpiaActor actor = ApiDpiaActor.of(caller.caller());
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (DpiaSummary d : register.page(tenant, actor, first, size)) {
            rows.add(Json.createObjectBuilder().add("id", d.id().toString()).add("seriesId", d.seriesId().toString())
                    .add("version", d.version()).add("title", d.title()).add("state", d.state().name())
                    .add("needsReview", d.needsReview()).add("updatedAt", d.updatedAt().toString()));
        }
        return Json.createObjectBuilder().add("total", register.count(tenant, actor)).add("dpias", rows).build().toString();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response one(@PathParam("id") String id) {
        TenantId tenant = caller.tenant();
        UUID uuid = parse(id);
        if (uuid == null) {
            return notFound(id);
        }
        try {
            register.checkDrift(tenant);
            Dpia d = register.get(tenant, ApiDpiaActor.of(caller.caller()), uuid);
            JsonArrayBuilder changes = Json.createArrayBuilder();
            for (FactChange c : register.drift(tenant, uuid)) {
                JsonObjectBuilder change = Json.createObjectBuilder().add("fact", c.key()).add("label", c.label());
                change = c.before() == null ? change.addNull("before") : change.add("before", c.before());
                change = c.after() == null ? change.addNull("after") : change.add("after", c.after());
                changes.add(change);
            }
            JsonObjectBuilder body = Json.createObjectBuilder().add("id", d.id().toString())
                    .add("seriesId", d.seriesId().toString()).add("version", d.version()).add("title", d.title())
                    .add("state", d.state().name()).add("author", d.authorName())
                    .add("needsReview", !register.drift(tenant, uuid).isEmpty()).add("changes", changes);
            if (d.factsFingerprint() != null) {
                body.add("factsFingerprint", d.factsFingerprint());
            }
            return Response.ok(body.build().toString()).build();
        } catch (DpiaException.NotFound e) {
            return notFound(id);
        }
    }

    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id) {
        UUID uuid = parse(id);
        if (uuid == null) {
            return notFound(id);
        }
        try {
            byte[] pdf = reports.dpia(caller.tenant(), ApiDpiaActor.of(caller.caller()), uuid);
            return Response.ok(pdf, "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"dpia-" + uuid + ".pdf\"").build();
        } catch (DpiaException.NotFound e) {
            return notFound(id);
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response notFound(String id) {
        return ApiProblem.of(Response.Status.NOT_FOUND, "no DPIA " + id);
    }
}
