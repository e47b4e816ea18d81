package io.vigil.dpia.domain;

import io.vigil.tenancy.TenantId;
import java.util.List;

/** The retention periods per data class that a tenant's processing uses: what records and DPIAs state as erasure limits. */
public interface RetentionSchedule {

    List<RetentionPeriod> periods(TenantId tenant);
}
