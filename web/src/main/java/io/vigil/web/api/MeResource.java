package io.vigil.web.api;

import io.vigil.web.api.security.AllowedRoles;
import io.vigil.web.api.security.ApiCaller;
import io.vigil.web.security.Role;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/me}: who the token says the caller is. Any role; useful to check a client's setup. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles({Role.COMPLIANCE_OFFICER, Role.SUPERVISOR, Role.LEGAL, Role.ADMIN, Role.AGENT_RUNTIME})
public class MeResource {

    @Inject
    private CallerTenant callerTenant;

    @GET
    public String me() {
        ApiCaller caller = callerTenant.caller();
        JsonArrayBuilder roles = Json.createArrayBuilder();
        caller.roles().stream().map(Role::roleName).sorted().forEach(roles::add);
        return Json.createObjectBuilder().add("name", caller.name()).add("client", caller.clientId())
                .add("tenant", caller.tenantSlug()).add("roles", roles).build().toString();
    }
}
