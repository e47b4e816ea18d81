package io.vigil.web.console.audit;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditLogQuery;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages the audit table in the database, newest first: only the rows on screen are read. */
public class AuditLazyDataModel extends LazyDataModel<AuditRecord> {

    private static final long serialVersionUID = 1L;

    private final transient AuditTrail trail;
    private final TenantId tenant;
    private final transient Supplier<AuditLogQuery> filters;

    public AuditLazyDataModel(AuditTrail trail, TenantId tenant, Supplier<AuditLogQuery> filters) {
        this.trail = trail;
        this.tenant = tenant;
        this.filters = filters;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, trail.count(tenant, filters.get()));
    }

    @Override
    public List<AuditRecord> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return trail.page(tenant, filters.get().page(first, Math.min(pageSize, AuditLogQuery.MAX_PAGE_SIZE)));
    }

    @Override
    public String getRowKey(AuditRecord entry) {
        return Long.toString(entry.seq());
    }
}
