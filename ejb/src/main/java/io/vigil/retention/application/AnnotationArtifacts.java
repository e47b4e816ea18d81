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

/** Supervisors' annotations on a call's timeline, one artifact per annotation; deleted at expiry. */
@Stateless
public class AnnotationArtifacts implements ExpiringArtifacts {

    static final String TYPE = "annotation";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @Override
    public Set<DataClass> dataClasses() {
        return Set.of(DataClass.ANNOTATIONS);
    }

    @Override
    public List<ExpiringArtifact> findDue(TenantId tenant, DueRule rule, String after, int limit) {
        return SweepSql.due(em, "SELECT a.id, a.session_id FROM annotation a JOIN call_session c ON c.id = a.session_id"
                + " WHERE a.tenant_id = ?1", "a.id", TYPE, tenant, rule, after, limit);
    }

    @Override
    public void expire(TenantId tenant, DueRule rule, List<ExpiringArtifact> batch) {
        em.createNativeQuery("DELETE FROM annotation WHERE tenant_id = ?1 AND id = ANY ("
                + SweepSql.uuidArray(SweepSql.ids(batch)) + ")").setParameter(1, tenant.value()).executeUpdate();
    }
}
