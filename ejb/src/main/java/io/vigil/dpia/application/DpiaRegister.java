package io.vigil.dpia.application;

import io.vigil.audit.AuditTrail;
import io.vigil.dpia.domain.ConfigurationFacts;
import io.vigil.dpia.domain.ConfigurationSnapshot;
import io.vigil.dpia.domain.Dpia;
import io.vigil.dpia.domain.DpiaActor;
import io.vigil.dpia.domain.DpiaAuditEvents;
import io.vigil.dpia.domain.DpiaContent;
import io.vigil.dpia.domain.DpiaException;
import io.vigil.dpia.domain.DpiaState;
import io.vigil.dpia.domain.DpiaSummary;
import io.vigil.dpia.domain.FactChange;
import io.vigil.dpia.domain.Prefill;
import io.vigil.dpia.domain.ProcessingRecord;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant's DPIAs: lists them with their drift, and moves versions through their workflow ({@link Dpia} holds
 * the rules). Every method takes the tenant first and the acting {@link DpiaActor}; every change and every refusal
 * is audited. Drift is checked whenever the list is read and after configuration changes ({@link #checkDrift}).
 */
@Stateless
public class DpiaRegister {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @EJB
    private LiveConfiguration live;

    public long count(TenantId tenant, DpiaActor actor) {
        actor.requireReader("list DPIAs");
        return ((Number) em.createNativeQuery("SELECT count(*) FROM dpia WHERE tenant_id = ?1")
                .setParameter(1, tenant.value()).getSingleResult()).longValue();
    }

    /** A page of the tenant's DPIA versions, newest change first, after bringing their drift up to date. */
    public List<DpiaSummary> page(TenantId tenant, DpiaActor actor, int first, int size) {
        actor.requireReader("list DPIAs");
        checkDrift(tenant);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.series_id, d.version, d.title, d.state,"
                        + " d.author_name, d.updated_at, (r.dpia_id IS NOT NULL) FROM dpia d"
                        + " LEFT JOIN dpia_drift r ON r.dpia_id = d.id AND r.tenant_id = d.tenant_id"
                        + " WHERE d.tenant_id = ?1 ORDER BY d.updated_at DESC, d.id LIMIT ?2 OFFSET ?3")
                .setParameter(1, tenant.value()).setParameter(2, Math.max(1, Math.min(size, 200)))
                .setParameter(3, Math.max(0, first)).getResultList();
        return rows.stream().map(r -> new DpiaSummary((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(),
                (String) r[3], DpiaState.valueOf((String) r[4]), (String) r[5], instant(r[6]), (Boolean) r[7])).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    public Optional<Dpia> find(TenantId tenant, UUID id) {
        return em.createQuery("SELECT d FROM Dpia d WHERE d.id = :id AND d.tenantId = :tenant", Dpia.class)
                .setParameter("id", id).setParameter("tenant", tenant.value()).getResultStream().findFirst();
    }

    /** The version, or {@link DpiaException.NotFound} for an unknown or another tenant's id. */
    public Dpia get(TenantId tenant, DpiaActor actor, UUID id) {
        actor.requireReader("read a DPIA");
        return find(tenant, id).orElseThrow(() -> new DpiaException.NotFound("DPIA " + id));
    }

    /** All versions of an assessment, oldest first. */
    public List<Dpia> versions(TenantId tenant, UUID seriesId) {
        return em.createQuery("SELECT d FROM Dpia d WHERE d.seriesId = :s AND d.tenantId = :tenant ORDER BY d.version",
                Dpia.class).setParameter("s", seriesId).setParameter("tenant", tenant.value()).getResultList();
    }

    /** What changed since the version's approval (empty when nothing did or it is not approved). */
    public List<FactChange> drift(TenantId tenant, UUID id) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT changes FROM dpia_drift WHERE dpia_id = ?1 AND tenant_id = ?2")
                .setParameter(1, id).setParameter(2, tenant.value()).getResultList();
        return rows.isEmpty() ? List.of() : ConfigurationFacts.changesFromJson(rows.get(0));
    }

    /** A new assessment in draft, its context and principles pre-filled from the live configuration and the record. */
    public Dpia create(TenantId tenant, DpiaActor actor, String title, UUID processingRecordId) {
        return audited(tenant, actor, "create", null, () -> {
            ProcessingRecord record = processingRecordId == null ? null
                    : em.createQuery("SELECT r FROM ProcessingRecord r WHERE r.id = :id AND r.tenantId = :t",
                                    ProcessingRecord.class).setParameter("id", processingRecordId)
                            .setParameter("t", tenant.value()).getResultStream().findFirst()
                            .orElseThrow(() -> new DpiaException.NotFound("record of processing " + processingRecordId));
            DpiaContent content = Prefill.dpia(live.snapshot(tenant), record);
            Dpia dpia = Dpia.draft(UUID.randomUUID(), tenant, processingRecordId, title, content, actor, Instant.now());
            em.persist(dpia);
            em.flush();
            audit.record(DpiaAuditEvents.dpia(tenant, actor, "create", dpia.id(), Map.of("title", dpia.title())));
            return dpia;
        });
    }

    public Dpia save(TenantId tenant, DpiaActor actor, UUID id, String title, DpiaContent content) {
        return change(tenant, actor, id, "edit", d -> d.edit(actor, title, content, Instant.now()), Map.of());
    }

    public Dpia submit(TenantId tenant, DpiaActor actor, UUID id) {
        return change(tenant, actor, id, "submit", d -> d.submit(actor, Instant.now()), Map.of());
    }

    /** Approves, keeping the live configuration as the facts the assessment relied on. */
    public Dpia approve(TenantId tenant, DpiaActor actor, UUID id, String note) {
        ConfigurationFacts facts = live.snapshot(tenant).facts();
        return change(tenant, actor, id, "approve", d -> d.approve(actor, note, facts, Instant.now()),
                Map.of("facts_fingerprint", facts.fingerprint()));
    }

    public Dpia refuse(TenantId tenant, DpiaActor actor, UUID id, String reason) {
        return change(tenant, actor, id, "refuse", d -> d.refuse(actor, reason, Instant.now()),
                Map.of("reason", reason == null ? "" : reason));
    }

    /** Starts the next version of a decided assessment, in draft. */
    public Dpia newVersion(TenantId tenant, DpiaActor actor, UUID id) {
        return audited(tenant, actor, "new-version", id, () -> {
            Dpia decided = get(tenant, actor, id);
            if (versions(tenant, decided.seriesId()).stream().anyMatch(v -> !v.state().decided())) {
                throw new DpiaException.WrongState("this assessment already has an open version; continue that one");
            }
            Dpia next = decided.nextVersion(UUID.randomUUID(), actor, Instant.now());
            em.persist(next);
            em.flush();
            audit.record(DpiaAuditEvents.dpia(tenant, actor, "new-version", next.id(),
                    Map.of("previous", id.toString(), "version", Integer.toString(next.version()))));
            return next;
        });
    }

    /**
     * Compares the live configuration with what each approved version relied on and records the differences
     * (or clears them when the configuration is back to what was approved). Returns how many need review. Only the
     * newest approved version of each assessment is watched: older ones are superseded.
     */
    public int checkDrift(TenantId tenant) {
        ConfigurationSnapshot snapshot = live.snapshot(tenant);
        ConfigurationFacts now = snapshot.facts();
        String fingerprint = now.fingerprint();
        List<Dpia> approved = em.createQuery("SELECT d FROM Dpia d WHERE d.tenantId = :t AND d.state = :s"
                        + " AND d.version = (SELECT max(n.version) FROM Dpia n WHERE n.seriesId = d.seriesId"
                        + " AND n.tenantId = d.tenantId AND n.state = :s)", Dpia.class)
                .setParameter("t", tenant.value()).setParameter("s", DpiaState.APPROVED).getResultList();
        int needReview = 0;
        for (Dpia d : approved) {
            if (fingerprint.equals(d.factsFingerprint())) {
                em.createNativeQuery("DELETE FROM dpia_drift WHERE dpia_id = ?1 AND tenant_id = ?2")
                        .setParameter(1, d.id()).setParameter(2, tenant.value()).executeUpdate();
                continue;
            }
            needReview++;
            List<FactChange> changes = now.changesSince(d.reliedFacts().orElseThrow());
            int written = em.createNativeQuery("INSERT INTO dpia_drift (dpia_id, tenant_id, live_fingerprint, changes,"
                            + " detected_at) VALUES (?1, ?2, ?3, ?4, now()) ON CONFLICT (dpia_id) DO UPDATE"
                            + " SET live_fingerprint = EXCLUDED.live_fingerprint, changes = EXCLUDED.changes,"
                            + " detected_at = EXCLUDED.detected_at"
                            + " WHERE dpia_drift.live_fingerprint <> EXCLUDED.live_fingerprint")
                    .setParameter(1, d.id()).setParameter(2, tenant.value()).setParameter(3, fingerprint)
                    .setParameter(4, ConfigurationFacts.changesToJson(changes)).executeUpdate();
            if (written > 0) {
                audit.record(DpiaAuditEvents.drift(tenant, d.id(), changes.size()));
            }
        }
        return needReview;
    }

    private Dpia change(TenantId tenant, DpiaActor actor, UUID id, String verb, java.util.function.Consumer<Dpia> step,
                        Map<String, String> details) {
        return audited(tenant, actor, verb, id, () -> {
            Dpia dpia = get(tenant, actor, id);
            step.accept(dpia);
            em.flush();
            audit.record(DpiaAuditEvents.dpia(tenant, actor, verb, id, details));
            return dpia;
        });
    }

    /** Runs the action; a refusal is audited in its own transaction and rethrown for the person to read. */
    private <T> T audited(TenantId tenant, DpiaActor actor, String verb, UUID id, Supplier<T> action) {
        try {
            return action.get();
        } catch (DpiaException e) {
            audit.recordFailure(DpiaAuditEvents.refused(tenant, actor, "dpia." + verb, DpiaAuditEvents.DPIA, id,
                    e.getMessage()));
            throw e;
        }
    }
}
