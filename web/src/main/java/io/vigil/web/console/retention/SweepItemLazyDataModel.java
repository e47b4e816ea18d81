package io.vigil.web.console.retention;

import io.vigil.retention.RetentionSweeps;
import io.vigil.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages what one sweep listed (a dry run: exactly what would go), in the database. */
public class SweepItemLazyDataModel extends LazyDataModel<RetentionSweeps.SweepItem> {

    private static final long serialVersionUID = 1L;

    private final transient RetentionSweeps sweeps;
    private final TenantId tenant;
    private final UUID sweep;

    SweepItemLazyDataModel(RetentionSweeps sweeps, TenantId tenant, UUID sweep) {
        this.sweeps = sweeps;
        this.tenant = tenant;
        this.sweep = sweep;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, sweeps.itemCount(tenant, sweep));
    }

    @Override
    public List<RetentionSweeps.SweepItem> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                                Map<String, FilterMeta> filterBy) {
        return sweeps.items(tenant, sweep, first, pageSize);
    }

    @Override
    public String getRowKey(RetentionSweeps.SweepItem item) {
        return item.idHash();
    }
}
