package io.vigil.dpia.application;

import io.vigil.audit.AuditTrail;
import io.vigil.dpia.domain.ConfigurationSnapshot;
import io.vigil.dpia.domain.DpiaActor;
import io.vigil.dpia.domain.DpiaAuditEvents;
import io.vigil.dpia.domain.DpiaException;
import io.vigil.dpia.domain.ProcessingRecord;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The tenant's records of processing activities (Art. 30): compliance officers and admins write, legal reads. */
@Stateless
public class RecordsOfProcessing {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @EJB
    private LiveConfiguration live;

    public List<ProcessingRecord> records(TenantId tenant, DpiaActor actor) {
        actor.requireReader("read the records of processing");
        return em.createQuery("SELECT r FROM ProcessingRecord r WHERE r.tenantId = :t ORDER BY r.activity",
                ProcessingRecord.class).setParameter("t", tenant.value()).getResultList();
    }

    /** What the live configuration says, shown beside every record. */
    public ConfigurationSnapshot configuration(TenantId tenant, DpiaActor actor) {
        actor.requireReader("read the records of processing");
        return live.snapshot(tenant);
    }

    public ProcessingRecord create(TenantId tenant, DpiaActor actor, ProcessingRecord.Text text) {
        return audited(tenant, actor, "create", null, () -> {
            actor.requireEditor("add a record of processing");
            requireUniqueActivity(tenant, text.getActivity(), null);
            ProcessingRecord r = new ProcessingRecord(UUID.randomUUID(), tenant, text, actor.name(), Instant.now());
            em.persist(r);
            em.flush();
            audit.record(DpiaAuditEvents.records(tenant, actor, "create", r.id(), Map.of("activity", r.activity())));
            return r;
        });
    }

    public ProcessingRecord update(TenantId tenant, DpiaActor actor, UUID id, ProcessingRecord.Text text) {
        return audited(tenant, actor, "edit", id, () -> {
            actor.requireEditor("edit a record of processing");
            ProcessingRecord r = em.createQuery("SELECT r FROM ProcessingRecord r WHERE r.id = :id AND r.tenantId = :t",
                            ProcessingRecord.class).setParameter("id", id).setParameter("t", tenant.value())
                    .getResultStream().findFirst()
                    .orElseThrow(() -> new DpiaException.NotFound("record of processing " + id));
            requireUniqueActivity(tenant, text.getActivity(), id);
            r.apply(text, actor.name(), Instant.now());
            em.flush();
            audit.record(DpiaAuditEvents.records(tenant, actor, "edit", id, Map.of("activity", r.activity())));
            return r;
        });
    }

    private void requireUniqueActivity(TenantId tenant, String activity, UUID except) {
        boolean taken = em.createQuery("SELECT r FROM ProcessingRecord r WHERE r.tenantId = :t AND r.activity = :a",
                        ProcessingRecord.class).setParameter("t", tenant.value())
                .setParameter("a", activity == null ? "" : activity.strip()).getResultStream()
                .anyMatch(r -> !r.id().equals(except));
        if (taken) {
            throw new DpiaException.Invalid("a record for the activity '" + activity + "' exists already; edit it");
        }
    }

    private <T> T audited(TenantId tenant, DpiaActor actor, String verb, UUID id, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (DpiaException e) {
            audit.recordFailure(DpiaAuditEvents.refused(tenant, actor, "ropa." + verb, DpiaAuditEvents.RECORDS, id,
                    e.getMessage()));
            throw e;
        }
    }
}
