package io.vigil.dpia.application;

import io.vigil.dpia.domain.DefaultRetentionSchedule;
import io.vigil.dpia.domain.RetentionPeriod;
import io.vigil.dpia.domain.RetentionSchedule;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import java.util.List;

/**
 * The retention periods of a tenant's data classes, as records of processing and DPIAs state them. Until the
 * tenant's own retention policies are readable here, the documented defaults apply.
 */
@Stateless
public class TenantRetention implements RetentionSchedule {

    private final RetentionSchedule defaults = new DefaultRetentionSchedule();

    @Override
    public List<RetentionPeriod> periods(TenantId tenant) {
        return defaults.periods(tenant);
    }
}
