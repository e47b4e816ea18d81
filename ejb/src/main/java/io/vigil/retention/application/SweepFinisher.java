package io.vigil.retention.application;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.keys.KeyRegistry;
import io.vigil.keys.Rows;
import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.DeletionCertificate;
import io.vigil.retention.domain.IdentifierDigest;
import io.vigil.retention.domain.PolicyJson;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.retention.domain.SweepClassResult;
import io.vigil.retention.domain.SweepMode;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Ends a sweep: renders its certificate ({@link DeletionCertificate}), signs it with the tenant's signing key (the
 * key of the {@code signing} domain in the tenant's key provider, as audit checkpoints are signed with Vigil's), and
 * records the outcome in the audit trail. A failed sweep is marked failed, with its error, and can be resumed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SweepFinisher {

    public static final String SWEEP = "retention.sweep";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private KeyRegistry keys;

    @EJB
    private AuditTrail audit;

    public void finish(UUID sweepId) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("SELECT s.tenant_id, t.slug, s.mode, s.as_of, s.started_at,"
                + " s.started_by, CAST(s.policies AS text), s.state FROM retention_sweep s JOIN tenant t ON t.id = s.tenant_id"
                + " WHERE s.id = ?1 FOR UPDATE OF s").setParameter(1, sweepId).getResultList();
        if (found.isEmpty() || !"RUNNING".equals(found.get(0)[7])) {
            return;
        }
        Object[] s = found.get(0);
        TenantId tenant = new TenantId(Rows.uuid(s[0]));
        List<SweepClassResult> classes = classes(em, sweepId);
        keys.ensureTenantKeys(tenant);
        KeyProvider provider = keys.provider(tenant);
        String certificate;
        byte[] signature;
        KeyReference signingKey;
        Instant finished = Instant.now();
        try {
            signingKey = provider.currentVersion(KeyRegistry.keyName(tenant, KeyDomain.SIGNING));
            certificate = DeletionCertificate.render(sweepId, tenant.value(), (String) s[1], SweepMode.valueOf((String) s[2]),
                    Rows.instant(s[3]), Rows.instant(s[4]), finished, (String) s[5], PolicyJson.read((String) s[6]),
                    classes, signingKey.toString());
            signature = provider.sign(signingKey, certificate.getBytes(StandardCharsets.UTF_8));
        } catch (KeyProviderException e) {
            throw new IllegalStateException("The tenant's signing key cannot sign the sweep's certificate: " + e.getMessage(), e);
        }
        em.createNativeQuery("UPDATE retention_sweep SET state = 'COMPLETED', finished_at = ?1, updated_at = ?1,"
                        + " certificate = ?2, signature = ?3, signing_key = ?4, last_error = NULL WHERE id = ?5")
                .setParameter(1, java.sql.Timestamp.from(finished)).setParameter(2, certificate).setParameter(3, signature)
                .setParameter(4, signingKey.toString()).setParameter(5, sweepId).executeUpdate();
        Map<String, String> details = new TreeMap<>();
        details.put("mode", (String) s[2]);
        details.put("as_of", Rows.instant(s[3]).toString());
        details.put("artifacts", Long.toString(classes.stream().mapToLong(SweepClassResult::artifacts).sum()));
        details.put("signing_key", signingKey.toString());
        audit.record(new AuditEvent(tenant.value(), AuditActor.system("retention"), SWEEP, "retention_sweep",
                sweepId.toString(), null, AuditOutcome.SUCCESS, details));
    }

    public void fail(UUID sweepId, String error) {
        @SuppressWarnings("unchecked")
        List<Object> tenant = em.createNativeQuery("UPDATE retention_sweep SET state = 'FAILED', last_error = ?1,"
                        + " updated_at = now() WHERE id = ?2 AND state = 'RUNNING' RETURNING tenant_id")
                .setParameter(1, error).setParameter(2, sweepId).getResultList();
        if (!tenant.isEmpty()) {
            audit.record(new AuditEvent(Rows.uuid(tenant.get(0)), AuditActor.system("retention"), SWEEP,
                    "retention_sweep", sweepId.toString(), null, AuditOutcome.FAILURE, Map.of("error", error)));
        }
    }

    static List<SweepClassResult> classes(EntityManager em, UUID sweepId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT data_class, action, contributor, artifacts, digest, done"
                + " FROM retention_sweep_class WHERE sweep_id = ?1").setParameter(1, sweepId).getResultList();
        return rows.stream().map(r -> new SweepClassResult(DataClass.valueOf((String) r[0]),
                        RetentionAction.valueOf((String) r[1]), (String) r[2], ((Number) r[3]).longValue(),
                        IdentifierDigest.hex((byte[]) r[4]), (Boolean) r[5]))
                .sorted(Comparator.comparing((SweepClassResult c) -> c.dataClass().ordinal())
                        .thenComparing(c -> c.action().name()).thenComparing(SweepClassResult::contributor))
                .toList();
    }
}
