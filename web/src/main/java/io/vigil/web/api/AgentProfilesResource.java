package io.vigil.web.api;

import io.vigil.session.application.CallCatalog;
import io.vigil.web.api.security.AllowedRoles;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/agent-profiles}: the caller's tenant's agent profiles. Agent runtimes need an id to name in a media
 * stream's {@code agentProfile} parameter; compliance officers see which agents exist.
 */
@Path("agent-profiles")
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles({Role.AGENT_RUNTIME, Role.COMPLIANCE_OFFICER})
public class AgentProfilesResource {

    @EJB
    private CallCatalog catalog;

    @Inject
    private CallerTenant caller;

    @GET
    public String list() {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        catalog.agentProfiles(caller.tenant()).forEach(p -> rows.add(Json.createObjectBuilder()
                .add("id", p.id().toString()).add("name", p.name()).add("version", p.version())
                .add("model", p.upstreamModel())));
        return Json.createObjectBuilder().add("agentProfiles", rows).build().toString();
    }
}
