package io.vigil.retention.application;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.retention.DueRule;
import io.vigil.retention.ExpiringArtifacts;
import io.vigil.retention.LegalHolds;
import io.vigil.retention.RetentionPolicyBook;
import io.vigil.retention.domain.IdentifierDigest;
import io.vigil.retention.domain.PolicyJson;
import io.vigil.retention.domain.PolicyRejected;
import io.vigil.retention.domain.RetentionPolicies;
import io.vigil.retention.domain.SweepMode;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Plans a sweep in its own transaction, committed before any batch runs: re-evaluates the tenant's live holds (so
 * calls that entered a hold's scope since, e.g. by a new annotation, are held), freezes the policies, and creates
 * one progress row per data class, action and contributor. One sweep runs per tenant at a time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SweepPlanner {

    public static final String SWEEP_START = "retention.sweep-start";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private RetentionPolicyBook book;

    @EJB
    private LegalHolds holds;

    @EJB
    private AuditTrail audit;

    @Inject
    @Any
    private Instance<ExpiringArtifacts> contributors;

    public UUID plan(TenantId tenant, SweepMode mode, Instant asOf, AuditActor actor) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked").setParameter(1, "retention:" + tenant)
                .getSingleResult();
        List<?> running = em.createNativeQuery("SELECT id FROM retention_sweep WHERE tenant_id = ?1 AND state = 'RUNNING'")
                .setParameter(1, tenant.value()).getResultList();
        if (!running.isEmpty()) {
            throw refused(tenant, mode, actor, "A sweep of this tenant is running (" + running.get(0)
                    + "): wait for it to finish, then start another");
        }
        RetentionPolicies policies = book.policies(tenant);
        if (policies.all().isEmpty()) {
            throw refused(tenant, mode, actor, "This tenant has no retention policies: an administrator sets them on"
                    + " the Retention page first");
        }
        long newlyHeld = holds.evaluateAll(tenant);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO retention_sweep (id, tenant_id, mode, state, as_of, started_by, policies)"
                        + " VALUES (?1, ?2, ?3, 'RUNNING', ?4, ?5, CAST(?6 AS jsonb))")
                .setParameter(1, id).setParameter(2, tenant.value()).setParameter(3, mode.name())
                .setParameter(4, Timestamp.from(asOf)).setParameter(5, actor.id()).setParameter(6, PolicyJson.write(policies))
                .executeUpdate();
        int classes = 0;
        for (DueRule rule : DueRule.of(policies, asOf)) {
            for (ExpiringArtifacts contributor : contributors) {
                if (contributor.dataClasses().contains(rule.dataClass())) {
                    em.createNativeQuery("INSERT INTO retention_sweep_class (sweep_id, tenant_id, data_class, action,"
                                    + " contributor, digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                            .setParameter(1, id).setParameter(2, tenant.value()).setParameter(3, rule.dataClass().name())
                            .setParameter(4, rule.action().name()).setParameter(5, contributor.name())
                            .setParameter(6, IdentifierDigest.empty()).executeUpdate();
                    classes++;
                }
            }
        }
        Map<String, String> details = new TreeMap<>();
        details.put("mode", mode.name());
        details.put("as_of", asOf.toString());
        details.put("classes", Integer.toString(classes));
        details.put("newly_held_calls", Long.toString(newlyHeld));
        audit.record(new AuditEvent(tenant.value(), actor, SWEEP_START, "retention_sweep", id.toString(), null,
                AuditOutcome.SUCCESS, details));
        return id;
    }

    /** Marks a failed sweep running again, to resume at its cursors; false if it is not the tenant's failed sweep. */
    public boolean reopen(TenantId tenant, UUID sweepId, AuditActor actor) {
        int reopened = em.createNativeQuery("UPDATE retention_sweep SET state = 'RUNNING', last_error = NULL,"
                        + " updated_at = now() WHERE id = ?1 AND tenant_id = ?2 AND state = 'FAILED'")
                .setParameter(1, sweepId).setParameter(2, tenant.value()).executeUpdate();
        if (reopened > 0) {
            audit.record(new AuditEvent(tenant.value(), actor, "retention.sweep-resume", "retention_sweep",
                    sweepId.toString(), null, AuditOutcome.SUCCESS, Map.of()));
        }
        return reopened > 0;
    }

    private PolicyRejected refused(TenantId tenant, SweepMode mode, AuditActor actor, String why) {
        audit.recordFailure(new AuditEvent(tenant.value(), actor, SWEEP_START, "retention_sweep", null, null,
                AuditOutcome.DENIED, Map.of("mode", mode.name(), "refused", why)));
        return new PolicyRejected(why);
    }
}
