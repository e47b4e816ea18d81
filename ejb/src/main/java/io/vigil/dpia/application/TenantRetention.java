package io.vigil.dpia.application;

import io.vigil.dpia.domain.RetentionPeriod;
import io.vigil.dpia.domain.RetentionPeriods;
import io.vigil.dpia.domain.RetentionSchedule;
import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.retention.domain.RetentionPolicies;
import io.vigil.retention.domain.RetentionPolicy;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The retention periods of a tenant's data classes from its retention policies ({@code retention_policy}, which
 * administrators edit on the Retention page), or the retention defaults for a tenant that has none.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TenantRetention implements RetentionSchedule {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @Override
    public List<RetentionPeriod> periods(TenantId tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT retention_class, data_class, jurisdiction, period_days, action"
                        + " FROM retention_policy WHERE tenant_id = ?1")
                .setParameter(1, tenant.value()).getResultList();
        return RetentionPeriods.of(new RetentionPolicies(rows.stream().map(r -> new RetentionPolicy((String) r[0],
                DataClass.valueOf((String) r[1]), (String) r[2], ((Number) r[3]).intValue(),
                RetentionAction.valueOf((String) r[4]))).toList()));
    }
}
