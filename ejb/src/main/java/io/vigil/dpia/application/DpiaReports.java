package io.vigil.dpia.application;

import io.vigil.audit.AuditTrail;
import io.vigil.dpia.domain.ConfigurationFacts;
import io.vigil.dpia.domain.Dpia;
import io.vigil.dpia.domain.DpiaActor;
import io.vigil.dpia.domain.DpiaAuditEvents;
import io.vigil.dpia.domain.DpiaException;
import io.vigil.dpia.pdf.DpiaPdf;
import io.vigil.dpia.pdf.ProcessingRecordsPdf;
import io.vigil.tenancy.Tenant;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The PDF exports of a DPIA version and of the records of processing; every export (and refusal) is audited. */
@Stateless
public class DpiaReports {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private DpiaRegister register;

    @EJB
    private RecordsOfProcessing records;

    @EJB
    private LiveConfiguration live;

    @EJB
    private AuditTrail audit;

    public byte[] dpia(TenantId tenant, DpiaActor actor, UUID id) {
        try {
            register.checkDrift(tenant);
            Dpia dpia = register.get(tenant, actor, id);
            ConfigurationFacts facts = dpia.reliedFacts().orElseGet(() -> live.snapshot(tenant).facts());
            byte[] pdf = DpiaPdf.render(organisation(tenant), dpia, facts, register.drift(tenant, id), Instant.now());
            audit.record(DpiaAuditEvents.dpia(tenant, actor, "export", id,
                    Map.of("version", Integer.toString(dpia.version()), "bytes", Integer.toString(pdf.length))));
            return pdf;
        } catch (DpiaException e) {
            audit.recordFailure(DpiaAuditEvents.refused(tenant, actor, "dpia.export", DpiaAuditEvents.DPIA, id, e.getMessage()));
            throw e;
        }
    }

    public byte[] records(TenantId tenant, DpiaActor actor) {
        try {
            byte[] pdf = ProcessingRecordsPdf.render(organisation(tenant), records.records(tenant, actor),
                    records.configuration(tenant, actor), Instant.now());
            audit.record(DpiaAuditEvents.records(tenant, actor, "export", null, Map.of("bytes", Integer.toString(pdf.length))));
            return pdf;
        } catch (DpiaException e) {
            audit.recordFailure(DpiaAuditEvents.refused(tenant, actor, "ropa.export", DpiaAuditEvents.RECORDS, null,
                    e.getMessage()));
            throw e;
        }
    }

    private String organisation(TenantId tenant) {
        Tenant t = em.find(Tenant.class, tenant.value());
        return t == null ? tenant.toString() : t.name();
    }
}
