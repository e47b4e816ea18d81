package io.vigil.web.api;

import io.vigil.platform.HealthCheck;
import io.vigil.platform.HealthReport;
import io.vigil.web.api.security.PublicApi;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/health}: 200 when the database answers, 503 when it does not, always JSON. Public on
 * purpose (load balancers and the launcher call it) and so it says nothing a stranger could use.
 */
@PublicApi
@Path("health")
public class HealthResource {

    @EJB
    private HealthCheck healthCheck;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthReport report = healthCheck.check();
        JsonObjectBuilder database = Json.createObjectBuilder().add("reachable", report.databaseReachable());
        if (report.schemaVersion() != null) {
            database.add("schemaVersion", report.schemaVersion());
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("status", report.healthy() ? "UP" : "DOWN")
                .add("database", database)
                .add("version", report.applicationVersion());
        if (report.problem() != null) {
            body.add("problem", report.problem());
        }
        return Response.status(report.healthy() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(body.build().toString())
                .build();
    }
}
