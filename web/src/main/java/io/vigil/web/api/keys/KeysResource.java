package io.vigil.web.api.keys;

import io.vigil.crypto.keys.KeyDomain;
import io.vigil.keys.KeyOverview;
import io.vigil.keys.KeyRotation;
import io.vigil.keys.KeyServiceException;
import io.vigil.tenancy.Tenant;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/keys[?tenant=<slug>]}: every tenant's keys (or one's), with versions, live data keys per version
 * and the last rewrap job. {@code POST /api/v1/keys/{domain}/rotate?tenant=<slug>}: rotate now (202 with the job).
 * For operators: bearer token from {@link OperatorToken}.
 */
@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @EJB
    private KeyOverview overview;

    @EJB
    private KeyRotation rotation;

    @EJB
    private TenantDirectory tenants;

    @GET
    public Response status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("tenant") String slug) {
        if (!OperatorToken.accepts(authorization)) {
            return denied();
        }
        List<Tenant> chosen = slug == null ? tenants.all() : tenants.bySlug(slug).stream().toList();
        if (chosen.isEmpty()) {
            return problem(Response.Status.NOT_FOUND, "No tenant '" + slug + "'");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        for (Tenant t : chosen) {
            body.put(t.slug(), overview.keys(new TenantId(t.id())));
        }
        return Response.ok(body).build();
    }

    @POST
    @Path("{domain}/rotate")
    public Response rotate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("domain") String domain,
                           @QueryParam("tenant") String slug) {
        if (!OperatorToken.accepts(authorization)) {
            return denied();
        }
        KeyDomain keyDomain;
        try {
            keyDomain = KeyDomain.valueOf(domain.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return problem(Response.Status.NOT_FOUND, "No key domain '" + domain + "'; use audio, transcript, export or signing");
        }
        if (slug == null) {
            return problem(Response.Status.BAD_REQUEST, "Name the tenant: ?tenant=<slug>");
        }
        Tenant tenant = tenants.bySlug(slug).orElse(null);
        if (tenant == null) {
            return problem(Response.Status.NOT_FOUND, "No tenant '" + slug + "'");
        }
        try {
            TenantId id = new TenantId(tenant.id());
            UUID job = rotation.rotate(id, keyDomain);
            return Response.accepted(overview.job(id, job).orElse(null)).build();
        } catch (KeyServiceException e) {
            return problem(Response.Status.CONFLICT, e.getMessage());
        }
    }

    private static Response denied() {
        return problem(Response.Status.UNAUTHORIZED, "An operator token is required: Authorization: Bearer <token from the"
                + " stack's operator.token file>, or use ./vigil keys status|rotate");
    }

    private static Response problem(Response.Status status, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("title", status.getReasonPhrase(), "status", status.getStatusCode(), "detail", detail)).build();
    }
}
