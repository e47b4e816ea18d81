package io.vigil.retention;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.platform.ConfigurationChanged;
import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.DefaultPolicies;
import io.vigil.retention.domain.PolicyRejected;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.retention.domain.RetentionPolicies;
import io.vigil.retention.domain.RetentionPolicy;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A tenant's retention policies: read by the sweep, the console and the records of processing; changed by
 * administrators. Every change is checked as part of the whole set ({@link RetentionPolicies#check}) and recorded
 * in the audit trail with the old and the new value ({@code retention.policy-change}); a refused change too. Due
 * dates follow from the policies (call end + period), so a change moves them at once; held calls stay untouched
 * whatever the policy says.
 */
@Stateless
public class RetentionPolicyBook {

    /** DPIAs that relied on the old periods are checked for drift as soon as a change commits. */
    @Inject
    private Event<ConfigurationChanged> configurationChanged;

    public static final String POLICY_CHANGE = "retention.policy-change";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    public RetentionPolicies policies(TenantId tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT retention_class, data_class, jurisdiction, period_days, action"
                        + " FROM retention_policy WHERE tenant_id = ?1")
                .setParameter(1, tenant.value()).getResultList();
        return new RetentionPolicies(rows.stream().map(r -> new RetentionPolicy((String) r[0],
                DataClass.valueOf((String) r[1]), (String) r[2], ((Number) r[3]).intValue(),
                RetentionAction.valueOf((String) r[4]))).toList());
    }

    /** Gives a tenant without any policy the defaults ({@link DefaultPolicies}); false if it had some. */
    public boolean seedDefaults(TenantId tenant, AuditActor actor) {
        if (!policies(tenant).all().isEmpty()) {
            return false;
        }
        for (RetentionPolicy rule : DefaultPolicies.standard().all()) {
            upsert(tenant, rule, actor);
        }
        audit.record(new AuditEvent(tenant.value(), actor, POLICY_CHANGE, "retention_policy", "defaults", null,
                AuditOutcome.SUCCESS, Map.of("new", DefaultPolicies.standard().all().size() + " default rules")));
        return true;
    }

    /** Adds or changes one rule. */
    public void save(TenantId tenant, RetentionPolicy rule, AuditActor actor) {
        RetentionPolicies current = policies(tenant);
        Optional<RetentionPolicy> old = current.find(rule.retentionClass(), rule.dataClass(), rule.jurisdiction());
        checked(tenant, actor, key(rule.retentionClass(), rule.dataClass(), rule.jurisdiction()), current.with(rule),
                old.map(RetentionPolicy::describe).orElse("none"), rule.describe());
        upsert(tenant, rule, actor);
        audit.record(change(tenant, actor, key(rule.retentionClass(), rule.dataClass(), rule.jurisdiction()),
                old.map(RetentionPolicy::describe).orElse("none"), rule.describe(), AuditOutcome.SUCCESS, null));
        configurationChanged.fire(new ConfigurationChanged(tenant, "retention policy " + rule.describe()));
    }

    /** Removes a jurisdiction override (a default rule can be changed, not removed). */
    public void removeOverride(TenantId tenant, String retentionClass, DataClass dataClass, String jurisdiction,
                               AuditActor actor) {
        RetentionPolicies current = policies(tenant);
        String key = key(retentionClass, dataClass, jurisdiction);
        Optional<RetentionPolicy> old = current.find(retentionClass, dataClass, jurisdiction);
        if (old.isEmpty() || !old.get().isOverride()) {
            PolicyRejected e = new PolicyRejected(old.isEmpty() ? "There is no such rule"
                    : "A default rule cannot be removed: change its period or action instead");
            audit.recordFailure(change(tenant, actor, key, old.map(RetentionPolicy::describe).orElse("none"), "removed",
                    AuditOutcome.DENIED, e.getMessage()));
            throw e;
        }
        checked(tenant, actor, key, current.without(retentionClass, dataClass, jurisdiction), old.get().describe(),
                "removed");
        em.createNativeQuery("DELETE FROM retention_policy WHERE tenant_id = ?1 AND retention_class = ?2"
                        + " AND data_class = ?3 AND jurisdiction = ?4")
                .setParameter(1, tenant.value()).setParameter(2, retentionClass).setParameter(3, dataClass.name())
                .setParameter(4, jurisdiction).executeUpdate();
        audit.record(change(tenant, actor, key, old.get().describe(), "removed", AuditOutcome.SUCCESS, null));
        configurationChanged.fire(new ConfigurationChanged(tenant, "retention override removed: " + key));
    }

    /**
     * When each class of the call's data falls due under the current policies (empty for a class without a rule,
     * or while the call is live). A held call's dates are shown as they would be; the hold keeps it regardless.
     */
    public Map<DataClass, Instant> dueDates(TenantId tenant, UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT retention_class, jurisdiction, ended_at FROM call_session"
                        + " WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, tenant.value()).setParameter(2, sessionId).getResultList();
        Map<DataClass, Instant> due = new EnumMap<>(DataClass.class);
        if (rows.isEmpty() || rows.get(0)[2] == null) {
            return due;
        }
        Instant ended = io.vigil.keys.Rows.instant(rows.get(0)[2]);
        RetentionPolicies policies = policies(tenant);
        for (DataClass dataClass : DataClass.values()) {
            policies.ruleFor((String) rows.get(0)[0], (String) rows.get(0)[1], dataClass)
                    .ifPresent(r -> due.put(dataClass, ended.plus(Duration.ofDays(r.periodDays()))));
        }
        return due;
    }

    private void checked(TenantId tenant, AuditActor actor, String key, RetentionPolicies next, String oldValue,
                         String newValue) {
        try {
            next.check();
        } catch (PolicyRejected e) {
            audit.recordFailure(change(tenant, actor, key, oldValue, newValue, AuditOutcome.DENIED, e.getMessage()));
            throw e;
        }
    }

    private void upsert(TenantId tenant, RetentionPolicy rule, AuditActor actor) {
        em.createNativeQuery("INSERT INTO retention_policy (tenant_id, retention_class, data_class, jurisdiction,"
                        + " period_days, action, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " ON CONFLICT (tenant_id, retention_class, data_class, jurisdiction) DO UPDATE SET"
                        + " period_days = EXCLUDED.period_days, action = EXCLUDED.action, updated_at = now(),"
                        + " updated_by = EXCLUDED.updated_by")
                .setParameter(1, tenant.value()).setParameter(2, rule.retentionClass())
                .setParameter(3, rule.dataClass().name()).setParameter(4, rule.jurisdiction())
                .setParameter(5, rule.periodDays()).setParameter(6, rule.action().name()).setParameter(7, actor.id())
                .executeUpdate();
    }

    private static String key(String retentionClass, DataClass dataClass, String jurisdiction) {
        return retentionClass + "/" + dataClass.name() + "/" + jurisdiction;
    }

    private static AuditEvent change(TenantId tenant, AuditActor actor, String key, String oldValue, String newValue,
                                     AuditOutcome outcome, String refusal) {
        Map<String, String> details = new TreeMap<>();
        if (oldValue != null) {
            details.put("old", oldValue);
        }
        if (newValue != null) {
            details.put("new", newValue);
        }
        if (refusal != null) {
            details.put("refused", refusal);
        }
        return new AuditEvent(tenant.value(), actor, POLICY_CHANGE, "retention_policy", key, null, outcome, details);
    }
}
