package io.vigil.keys;

import io.vigil.crypto.keys.KeyDomain;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the Keys page and {@code GET /api/v1/keys} show: per domain, the versions, their use, and the rewrap job. */
@Stateless
public class KeyOverview {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private KeyRegistry registry;

    /** One key version and how many live (not shredded) data keys it still wraps. */
    public record VersionUsage(int version, String state, Instant createdAt, long liveDataKeys) {
    }

    /** The progress of a rewrap job; {@code percent} is 100 for a job with nothing to do. */
    public record RewrapProgress(UUID id, int targetVersion, String state, int total, int done, String error,
                                 Instant startedAt, Instant finishedAt) {
        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, 100L * done / total);
        }

        public boolean running() {
            return state.equals("RUNNING");
        }
    }

    /** One tenant key (one data domain). */
    public record DomainKey(KeyDomain domain, String providerId, String keyId, int currentVersion, int minimumVersion,
                            Instant rotatedAt, List<VersionUsage> versions, RewrapProgress lastJob) {
    }

    public List<DomainKey> keys(TenantId tenant) {
        registry.ensureTenantKeys(tenant);
        List<DomainKey> keys = new ArrayList<>();
        for (KeyDomain domain : KeyDomain.values()) {
            Object[] c = (Object[]) em.createNativeQuery("SELECT provider_id, key_id, current_version, minimum_version,"
                            + " rotated_at FROM key_configuration WHERE tenant_id = ?1 AND domain = ?2")
                    .setParameter(1, tenant.value()).setParameter(2, domain.label()).getSingleResult();
            keys.add(new DomainKey(domain, (String) c[0], (String) c[1], Rows.integer(c[2]), Rows.integer(c[3]),
                    Rows.instant(c[4]), versions(tenant, domain), lastJob(tenant, domain).orElse(null)));
        }
        return keys;
    }

    public Optional<RewrapProgress> job(TenantId tenant, UUID id) {
        return jobs("id = ?2", tenant, id).stream().findFirst();
    }

    public Optional<RewrapProgress> lastJob(TenantId tenant, KeyDomain domain) {
        return jobs("domain = ?2", tenant, domain.label()).stream().findFirst();
    }

    private List<VersionUsage> versions(TenantId tenant, KeyDomain domain) {
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery("SELECT key_version, count(*) FROM data_key WHERE tenant_id = ?1"
                        + " AND domain = ?2 AND shredded_at IS NULL GROUP BY key_version")
                .setParameter(1, tenant.value()).setParameter(2, domain.label()).getResultList();
        Map<Integer, Long> live = counts.stream().collect(Collectors.toMap(r -> Rows.integer(r[0]), r -> ((Number) r[1]).longValue()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT version, state, created_at FROM key_version WHERE tenant_id = ?1"
                        + " AND domain = ?2 ORDER BY version DESC")
                .setParameter(1, tenant.value()).setParameter(2, domain.label()).getResultList();
        return rows.stream().map(r -> new VersionUsage(Rows.integer(r[0]), (String) r[1], Rows.instant(r[2]),
                live.getOrDefault(Rows.integer(r[0]), 0L))).toList();
    }

    private List<RewrapProgress> jobs(String where, TenantId tenant, Object value) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, target_version, state, total, done, last_error, started_at,"
                        + " finished_at FROM rewrap_job WHERE tenant_id = ?1 AND " + where + " ORDER BY started_at DESC LIMIT 1")
                .setParameter(1, tenant.value()).setParameter(2, value).getResultList();
        return rows.stream().map(r -> new RewrapProgress(Rows.uuid(r[0]), Rows.integer(r[1]), (String) r[2],
                Rows.integer(r[3]), Rows.integer(r[4]), (String) r[5], Rows.instant(r[6]), Rows.instant(r[7]))).toList();
    }
}
