package io.vigil.retention.application;

import io.vigil.redaction.application.OriginalTranscripts;
import io.vigil.retention.DueRule;
import io.vigil.retention.ExpiringArtifact;
import io.vigil.retention.ExpiringArtifacts;
import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

/**
 * The sealed originals of redacted transcripts, one artifact per call: crypto-shredding destroys the call's
 * transcript data key (the ciphertext rows stay, unreadable); deleting also removes the rows.
 */
@Stateless
public class OriginalTranscriptArtifacts implements ExpiringArtifacts {

    static final String TYPE = "transcript-original";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @Override
    public Set<DataClass> dataClasses() {
        return Set.of(DataClass.ORIGINAL_TRANSCRIPT);
    }

    @Override
    public List<ExpiringArtifact> findDue(TenantId tenant, DueRule rule, String after, int limit) {
        String live = "EXISTS (SELECT 1 FROM data_key k WHERE k.tenant_id = c.tenant_id AND k.owner_type = '"
                + OriginalTranscripts.OWNER_TYPE + "' AND k.owner_id = c.id AND k.shredded_at IS NULL)";
        String present = rule.action() == RetentionAction.CRYPTO_SHRED ? live
                : "(" + live + " OR EXISTS (SELECT 1 FROM transcript_original o WHERE o.session_id = c.id))";
        return SweepSql.due(em, "SELECT c.id, c.id FROM call_session c WHERE " + present, "c.id", TYPE, tenant, rule,
                after, limit);
    }

    @Override
    public void expire(TenantId tenant, DueRule rule, List<ExpiringArtifact> batch) {
        shred(em, tenant, SweepSql.uuidArray(SweepSql.sessions(batch)));
        if (rule.action() == RetentionAction.DELETE) {
            em.createNativeQuery("DELETE FROM transcript_original WHERE tenant_id = ?1 AND session_id = ANY ("
                    + SweepSql.uuidArray(SweepSql.sessions(batch)) + ")").setParameter(1, tenant.value()).executeUpdate();
        }
    }

    static void shred(EntityManager em, TenantId tenant, String sessionArray) {
        em.createNativeQuery("UPDATE data_key SET wrapped = NULL, shredded_at = now() WHERE tenant_id = ?1"
                        + " AND owner_type = '" + OriginalTranscripts.OWNER_TYPE + "' AND owner_id = ANY (" + sessionArray
                        + ") AND shredded_at IS NULL")
                .setParameter(1, tenant.value()).executeUpdate();
    }
}
