package io.vigil.web.api.review;

import io.vigil.audit.domain.AuditActor;
import io.vigil.review.application.AnnotationExports;
import io.vigil.review.domain.AnnotationExportFormat;
import io.vigil.review.domain.AnnotationExportQuery;
import io.vigil.review.domain.ExportedAnnotation;
import io.vigil.review.domain.ReviewInputException;
import io.vigil.web.api.ApiProblem;
import io.vigil.web.api.CallerTenant;
import io.vigil.web.api.audit.ApiAudit;
import io.vigil.web.api.security.AllowedRoles;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * {@code GET /api/v1/annotations/export?format=csv|json&agentProfile=&from=YYYY-MM-DD&to=YYYY-MM-DD}: the
 * caller's tenant's failure annotations written on those UTC days (both included), for one agent profile by name
 * (every version) or all when {@code agentProfile} is empty, as a file download. Supervisors and compliance
 * officers (the notes may quote calls). Audited with the filter and row count; a refused export is audited too.
 */
@Path("annotations/export")
@AllowedRoles({Role.SUPERVISOR, Role.COMPLIANCE_OFFICER})
public class AnnotationsExportResource {

    @EJB
    private AnnotationExports exports;

    @Inject
    private CallerTenant caller;

    @GET
    public Response export(@QueryParam("format") String format, @QueryParam("agentProfile") String agentProfile,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditActor actor = ApiAudit.actor(caller.caller());
        AnnotationExportFormat fileFormat;
        AnnotationExportQuery query;
        try {
            fileFormat = AnnotationExportFormat.parse(format);
            query = AnnotationExportQuery.parse(agentProfile, from, to);
        } catch (ReviewInputException e) {
            exports.refused(caller.tenant(), actor, e.getMessage());
            return ApiProblem.of(Response.Status.BAD_REQUEST, e.getMessage());
        }
        List<ExportedAnnotation> rows;
        try {
            rows = exports.export(caller.tenant(), actor, query, fileFormat);
        } catch (ReviewInputException e) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, e.getMessage());
        }
        StreamingOutput body = out -> fileFormat.write(rows, out);
        return Response.ok(body, fileFormat.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + fileName(query, fileFormat) + "\"")
                .header("Cache-Control", "no-store").build();
    }

    /** annotations-card-services-2026-03-01-2026-03-31.csv: safe characters only. */
    public static String fileName(AnnotationExportQuery query, AnnotationExportFormat format) {
        String agent = query.agentProfile() == null ? "all-agents"
                : query.agentProfile().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", "");
        return "annotations-" + (agent.isEmpty() ? "agent" : agent) + "-" + query.from() + "-" + query.to() + "."
                + format.extension();
    }
}
