package io.vigil.web.console.retention;

import io.vigil.retention.LegalHolds;
import io.vigil.retention.domain.LegalHold;
import io.vigil.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages the calls one hold keeps, in the database, newest first. */
public class HeldCallLazyDataModel extends LazyDataModel<LegalHolds.HeldCall> {

    private static final long serialVersionUID = 1L;

    private final transient LegalHolds holds;
    private final TenantId tenant;
    private final LegalHold hold;

    HeldCallLazyDataModel(LegalHolds holds, TenantId tenant, LegalHold hold) {
        this.holds = holds;
        this.tenant = tenant;
        this.hold = hold;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, hold.sessions());
    }

    @Override
    public List<LegalHolds.HeldCall> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return holds.heldCalls(tenant, hold.id(), first, pageSize);
    }

    @Override
    public String getRowKey(LegalHolds.HeldCall call) {
        return call.sessionId().toString();
    }
}
