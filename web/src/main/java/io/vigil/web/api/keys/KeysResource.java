package io.vigil.web.api.keys;

import io.vigil.crypto.keys.KeyDomain;
import io.vigil.keys.KeyOverview;
import io.vigil.keys.KeyRotation;
import io.vigil.keys.KeyServiceException;
import io.vigil.tenancy.TenantId;
import io.vigil.web.api.ApiProblem;
import io.vigil.web.api.CallerTenant;
import io.vigil.web.api.audit.ApiAudit;
import io.vigil.web.api.security.AllowedRoles;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;

/**
 * The caller's tenant's keys, for its administrators: {@code GET /api/v1/keys} lists each domain's key with its
 * versions, the live data keys each still wraps and the last rewrap job; {@code POST /api/v1/keys/{domain}/rotate}
 * rotates now and answers 202 with the rewrap job, which runs on in the background.
 */
@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles(Role.ADMIN)
public class KeysResource {

    @EJB
    private KeyOverview overview;

    @EJB
    private KeyRotation rotation;

    @Inject
    private CallerTenant caller;

    @GET
    public Response status() {
        return Response.ok(overview.keys(caller.tenant())).build();
    }

    @POST
    @Path("{domain}/rotate")
    public Response rotate(@PathParam("domain") String domain) {
        KeyDomain keyDomain;
        try {
            keyDomain = KeyDomain.valueOf(domain.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ApiProblem.of(Response.Status.NOT_FOUND, "no key domain '" + domain
                    + "'; use audio, transcript, export or signing");
        }
        TenantId tenant = caller.tenant();
        try {
            UUID job = rotation.rotate(tenant, keyDomain, ApiAudit.actor(caller.caller()));
            return Response.accepted(overview.job(tenant, job).orElse(null)).build();
        } catch (KeyServiceException e) {
            return ApiProblem.of(Response.Status.CONFLICT, e.getMessage());
        }
    }
}
