package io.vigil.web.console.discovery;

import io.vigil.discovery.application.Exports;
import io.vigil.discovery.domain.ExportSummary;
import io.vigil.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages the tenant's exports in the database, newest first. */
public class ExportLazyDataModel extends LazyDataModel<ExportSummary> {

    private static final long serialVersionUID = 1L;

    private final transient Exports exports;
    private final TenantId tenant;

    public ExportLazyDataModel(Exports exports, TenantId tenant) {
        this.exports = exports;
        this.tenant = tenant;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, exports.count(tenant));
    }

    @Override
    public List<ExportSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return exports.page(tenant, first, Math.min(pageSize, 100));
    }

    @Override
    public String getRowKey(ExportSummary export) {
        return export.id().toString();
    }
}
