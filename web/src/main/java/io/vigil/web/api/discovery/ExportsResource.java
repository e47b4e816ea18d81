package io.vigil.web.api.discovery;

import io.vigil.audit.domain.AuditActor;
import io.vigil.discovery.application.ExportRefused;
import io.vigil.discovery.application.Exports;
import io.vigil.discovery.domain.ExportRequestInvalid;
import io.vigil.discovery.domain.ExportRequestJson;
import io.vigil.discovery.domain.ExportSummary;
import io.vigil.tenancy.TenantDirectory;
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
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.util.UUID;

/**
 * eDiscovery exports for the legal role: {@code POST /api/v1/exports} requests one (202 with its status),
 * {@code GET /api/v1/exports} lists the tenant's, {@code GET /api/v1/exports/{id}} shows one's progress, and
 * {@code GET /api/v1/exports/{id}/bundle} downloads the bundle, for its requester only (audited). Another tenant's
 * export is 404. Request fields: docs/ediscovery.md.
 */
@Path("exports")
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles(Role.LEGAL)
public class ExportsResource {

    @EJB
    private Exports exports;

    @EJB
    private TenantDirectory tenants;

    @Inject
    private CallerTenant caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(String body) {
        TenantId tenant = caller.tenant();
        String tenantName = tenants.bySlug(caller.caller().tenantSlug()).map(t -> t.name()).orElse(caller.caller().tenantSlug());
        UUID id;
        try {
            id = exports.request(tenant, tenantName, actor(), ExportRequestJson.parse(body));
        } catch (ExportRequestInvalid e) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, e.getMessage());
        }
        exports.start(tenant, id);
        return Response.accepted(json(exports.find(tenant, id).orElseThrow()).build().toString()).build();
    }

    @GET
    public Response list(@QueryParam("first") int first, @QueryParam("size") int size) {
        TenantId tenant = caller.tenant();
        JsonArrayBuilder items = Json.createArrayBuilder();
        exports.page(tenant, first, size == 0 ? 20 : size).forEach(s -> items.add(json(s)));
        return Response.ok(Json.createObjectBuilder().add("total", exports.count(tenant)).add("exports", items).build()
                .toString()).build();
    }

    @GET
    @Path("{id}")
    public Response status(@PathParam("id") String id) {
        UUID exportId = parse(id);
        return exportId == null ? notFound(id) : exports.find(caller.tenant(), exportId)
                .map(s -> Response.ok(json(s).build().toString()).build()).orElseGet(() -> notFound(id));
    }

    @GET
    @Path("{id}/bundle")
    @Produces({"application/zip", "application/pkcs7-mime", MediaType.APPLICATION_JSON})
    public Response bundle(@PathParam("id") String id) {
        UUID exportId = parse(id);
        if (exportId == null) {
            return notFound(id);
        }
        java.nio.file.Path file;
        try {
            file = exports.download(caller.tenant(), exportId, actor());
        } catch (ExportRefused e) {
            return switch (e.reason()) {
                case NOT_FOUND -> notFound(id);
                case NOT_REQUESTER -> ApiProblem.of(Response.Status.FORBIDDEN, e.getMessage());
                case NOT_READY -> ApiProblem.of(Response.Status.CONFLICT, e.getMessage());
            };
        }
        boolean encrypted = file.getFileName().toString().endsWith(".p7m");
        StreamingOutput body = out -> Files.copy(file, out);
        return Response.ok(body, encrypted ? "application/pkcs7-mime" : "application/zip")
                .header("Content-Disposition", "attachment; filename=\"export-" + exportId + (encrypted ? ".zip.p7m\"" : ".zip\""))
                .header("Content-Length", file.toFile().length()).build();
    }

    private AuditActor actor() {
        return ApiAudit.actor(caller.caller());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response notFound(String id) {
        return ApiProblem.of(Response.Status.NOT_FOUND, "no export " + id + " in your tenant");
    }

    static JsonObjectBuilder json(ExportSummary s) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", s.id().toString()).add("matter", s.matter())
                .add("requestedBy", s.requestedBy()).add("requestedAt", s.requestedAt().toString())
                .add("state", s.state().name()).add("totalCalls", s.totalCalls()).add("stagedCalls", s.stagedCalls())
                .add("percent", s.percent()).add("encrypted", s.encrypted());
        if (s.bundleSize() != null) {
            json.add("bundleSize", s.bundleSize()).add("bundleSha256", s.bundleSha256());
        }
        if (s.error() != null) {
            json.add("error", s.error());
        }
        if (s.finishedAt() != null) {
            json.add("finishedAt", s.finishedAt().toString());
        }
        return json;
    }
}
