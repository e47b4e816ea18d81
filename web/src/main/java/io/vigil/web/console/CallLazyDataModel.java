package io.vigil.web.console;

import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.CallQuery;
import io.vigil.session.domain.CallSummary;
import io.vigil.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Pages the calls table in the database: only the rows on screen are ever read. */
public class CallLazyDataModel extends LazyDataModel<CallSummary> {

    private static final long serialVersionUID = 1L;

    private final transient CallCatalog catalog;
    private final TenantId tenant;
    private final transient Supplier<CallQuery> filters;

    public CallLazyDataModel(CallCatalog catalog, TenantId tenant, Supplier<CallQuery> filters) {
        this.catalog = catalog;
        this.tenant = tenant;
        this.filters = filters;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, catalog.count(tenant, filters.get()));
    }

    @Override
    public List<CallSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                  Map<String, FilterMeta> filterBy) {
        CallQuery query = sorted(filters.get(), sortBy).page(first, Math.min(pageSize, CallQuery.MAX_PAGE_SIZE));
        return catalog.page(tenant, query);
    }

    static CallQuery sorted(CallQuery query, Map<String, SortMeta> sortBy) {
        for (SortMeta sort : sortBy.values()) {
            if (sort.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            CallQuery.SortKey key = "durationMs".equals(sort.getField())
                    ? CallQuery.SortKey.DURATION : CallQuery.SortKey.STARTED_AT;
            return query.sortedBy(key, sort.getOrder() == SortOrder.ASCENDING);
        }
        return query;
    }

    @Override
    public String getRowKey(CallSummary call) {
        return call.id().toString();
    }
}
