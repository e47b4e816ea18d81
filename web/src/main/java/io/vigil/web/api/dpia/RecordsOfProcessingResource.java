package io.vigil.web.api.dpia;

import io.vigil.dpia.application.DpiaReports;
import io.vigil.dpia.application.RecordsOfProcessing;
import io.vigil.dpia.domain.DpiaActor;
import io.vigil.dpia.domain.ProcessingRecord;
import io.vigil.tenancy.TenantId;
import io.vigil.web.api.CallerTenant;
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
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/records-of-processing}: the caller's tenant's records of processing activities as JSON, and
 * {@code /pdf} as the PDF (audited).
 */
@Path("records-of-processing")
@AllowedRoles({Role.COMPLIANCE_OFFICER, Role.ADMIN, Role.LEGAL})
public class RecordsOfProcessingResource {

    @EJB
    private RecordsOfProcessing records;

    @EJB
    private DpiaReports reports;

    @Inject
    private CallerTenant caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
        TenantId tenant = caller.tenant();
        DpiaActor actor = ApiDpiaActor.of(caller.caller());
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (ProcessingRecord r : records.records(tenant, actor)) {
            ProcessingRecord.Text t = r.text();
            rows.add(Json.createObjectBuilder().add("id", r.id().toString()).add("activity", t.getActivity())
                    .add("controller", t.getControllerContact()).add("dpo", t.getDpoContact())
                    .add("purposes", t.getPurposes()).add("dataSubjects", t.getDataSubjects())
                    .add("personalData", t.getPersonalData()).add("recipients", t.getRecipients())
                    .add("processors", t.getProcessors()).add("transfers", t.getTransfers())
                    .add("erasureLimits", t.getErasureLimits()).add("securityMeasures", t.getSecurityMeasures()));
        }
        return Json.createObjectBuilder().add("records", rows).build().toString();
    }

    @GET
    @Path("pdf")
    @Produces("application/pdf")
    public Response pdf() {
        byte[] pdf = reports.records(caller.tenant(), ApiDpiaActor.of(caller.caller()));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"records-of-processing.pdf\"").build();
    }
}
