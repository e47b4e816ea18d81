package io.vigil.web.console.retention;

import io.vigil.retention.RetentionSweeps;
import io.vigil.retention.domain.SweepRun;
import io.vigil.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages the tenant's sweeps in the database, newest first. */
public class SweepLazyDataModel extends LazyDataModel<SweepRun> {

    private static final long serialVersionUID = 1L;

    private final transient RetentionSweeps sweeps;
    private final TenantId tenant;

    SweepLazyDataModel(RetentionSweeps sweeps, TenantId tenant) {
        this.sweeps = sweeps;
        this.tenant = tenant;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, sweeps.count(tenant));
    }

    @Override
    public List<SweepRun> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return sweeps.page(tenant, first, pageSize);
    }

    @Override
    public String getRowKey(SweepRun run) {
        return run.id().toString();
    }
}
