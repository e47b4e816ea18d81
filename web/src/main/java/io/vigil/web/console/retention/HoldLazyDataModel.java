package io.vigil.web.console.retention;

import io.vigil.retention.LegalHolds;
import io.vigil.retention.domain.LegalHold;
import io.vigil.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages the tenant's legal holds in the database, newest first. */
public class HoldLazyDataModel extends LazyDataModel<LegalHold> {

    private static final long serialVersionUID = 1L;

    private final transient LegalHolds holds;
    private final TenantId tenant;

    HoldLazyDataModel(LegalHolds holds, TenantId tenant) {
        this.holds = holds;
        this.tenant = tenant;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, holds.count(tenant));
    }

    @Override
    public List<LegalHold> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return holds.page(tenant, first, pageSize);
    }

    @Override
    public String getRowKey(LegalHold hold) {
        return hold.id().toString();
    }
}
