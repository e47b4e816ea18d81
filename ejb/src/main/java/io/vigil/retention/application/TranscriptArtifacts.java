package io.vigil.retention.application;

import io.vigil.retention.DueRule;
import io.vigil.retention.ExpiringArtifact;
import io.vigil.retention.ExpiringArtifacts;
import io.vigil.retention.domain.DataClass;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

/** The redacted transcript a call stores in the clear, one artifact per call; deleted at expiry. */
@Stateless
public class TranscriptArtifacts implements ExpiringArtifacts {

    static final String TYPE = "transcript";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @Override
    public Set<DataClass> dataClasses() {
        return Set.of(DataClass.REDACTED_TRANSCRIPT);
    }

    @Override
    public List<ExpiringArtifact> findDue(TenantId tenant, DueRule rule, String after, int limit) {
        return SweepSql.due(em, "SELECT c.id, c.id FROM call_session c WHERE EXISTS (SELECT 1 FROM transcript_segment s"
                + " WHERE s.session_id = c.id)", "c.id", TYPE, tenant, rule, after, limit);
    }

    @Override
    public void expire(TenantId tenant, DueRule rule, List<ExpiringArtifact> batch) {
        em.createNativeQuery("DELETE FROM transcript_segment WHERE tenant_id = ?1 AND session_id = ANY ("
                + SweepSql.uuidArray(SweepSql.sessions(batch)) + ")").setParameter(1, tenant.value()).executeUpdate();
    }
}
