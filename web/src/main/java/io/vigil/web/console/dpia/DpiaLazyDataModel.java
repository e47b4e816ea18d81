package io.vigil.web.console.dpia;

import io.vigil.dpia.application.DpiaRegister;
import io.vigil.dpia.domain.DpiaActor;
import io.vigil.dpia.domain.DpiaSummary;
import io.vigil.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages the tenant's DPIA versions in the database. */
public class DpiaLazyDataModel extends LazyDataModel<DpiaSummary> {

    private static final long serialVersionUID = 1L;

    private final transient DpiaRegister register;
    private final TenantId tenant;
    private final transient Supplier<DpiaActor> actor;

    public DpiaLazyDataModel(DpiaRegister register, TenantId tenant, Supplier<DpiaActor> actor) {
        this.register = register;
        this.tenant = tenant;
        this.actor = actor;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, register.count(tenant, actor.get()));
    }

    @Override
    public List<DpiaSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return register.page(tenant, actor.get(), first, pageSize);
    }

    @Override
    public String getRowKey(DpiaSummary row) {
        return row.id().toString();
    }

    @Override
    public DpiaSummary getRowData(String rowKey) {
        return null;
    }
}
