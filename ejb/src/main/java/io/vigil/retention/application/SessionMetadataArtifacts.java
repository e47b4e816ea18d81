package io.vigil.retention.application;

import io.vigil.recording.RecordingBlobs;
import io.vigil.retention.DueRule;
import io.vigil.retention.ExpiringArtifact;
import io.vigil.retention.ExpiringArtifacts;
import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

/**
 * A call's own row with its events and flags, one artifact per call. Anonymising keeps the call's shape (times,
 * agent, channel, outcome, flag reasons and severities: what statistics need) and removes what identifies or
 * describes the caller: the caller hash, event payloads, flag evidence and review notes. Deleting removes the call
 * and, first, whatever else is left of it: keys of recordings and the original transcript are shredded and blobs
 * deleted, so nothing survives unreadable-but-decryptable after its row is gone.
 */
@Stateless
public class SessionMetadataArtifacts implements ExpiringArtifacts {

    static final String TYPE = "call_session";
    static final String ANONYMOUS_CALLER = "0".repeat(64);

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private RecordingBlobs blobs;

    @Override
    public Set<DataClass> dataClasses() {
        return Set.of(DataClass.SESSION_METADATA);
    }

    @Override
    public List<ExpiringArtifact> findDue(TenantId tenant, DueRule rule, String after, int limit) {
        String present = rule.action() == RetentionAction.ANONYMISE ? "c.anonymised_at IS NULL" : "TRUE";
        return SweepSql.due(em, "SELECT c.id, c.id FROM call_session c WHERE " + present, "c.id", TYPE, tenant, rule,
                after, limit);
    }

    @Override
    public void expire(TenantId tenant, DueRule rule, List<ExpiringArtifact> batch) {
        String calls = SweepSql.uuidArray(SweepSql.sessions(batch));
        if (rule.action() == RetentionAction.ANONYMISE) {
            update("UPDATE session_event SET payload = '{}'::jsonb WHERE tenant_id = ?1 AND session_id = ANY (" + calls + ")", tenant);
            update("UPDATE flag SET evidence = '', resolution_note = NULL WHERE tenant_id = ?1 AND session_id = ANY (" + calls + ")", tenant);
            update("UPDATE flag_transition SET note = NULL WHERE tenant_id = ?1 AND flag_id IN (SELECT id FROM flag"
                    + " WHERE session_id = ANY (" + calls + "))", tenant);
            update("UPDATE call_session SET caller_ref_hash = '" + ANONYMOUS_CALLER + "', anonymised_at = now()"
                    + " WHERE tenant_id = ?1 AND id = ANY (" + calls + ")", tenant);
        } else {
            RecordingArtifacts.delete(em, blobs, tenant, "r.session_id = ANY (" + calls + ")");
            OriginalTranscriptArtifacts.shred(em, tenant, calls);
            update("DELETE FROM call_session WHERE tenant_id = ?1 AND id = ANY (" + calls + ")", tenant);
        }
    }

    private void update(String sql, TenantId tenant) {
        em.createNativeQuery(sql).setParameter(1, tenant.value()).executeUpdate();
    }
}
