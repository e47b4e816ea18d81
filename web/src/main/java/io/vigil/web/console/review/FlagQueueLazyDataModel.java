package io.vigil.web.console.review;

import io.vigil.review.application.FlagReview;
import io.vigil.review.domain.FlagQueueQuery;
import io.vigil.review.domain.QueueEntry;
import io.vigil.review.domain.Reviewer;
import io.vigil.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Pages the flag queue in the database: only the rows on screen are ever read. */
public class FlagQueueLazyDataModel extends LazyDataModel<QueueEntry> {

    private static final long serialVersionUID = 1L;

    private final transient FlagReview review;
    private final TenantId tenant;
    private final transient Supplier<Reviewer> reviewer;
    private final transient Supplier<FlagQueueQuery> filters;

    public FlagQueueLazyDataModel(FlagReview review, TenantId tenant, Supplier<Reviewer> reviewer,
                                  Supplier<FlagQueueQuery> filters) {
        this.review = review;
        this.tenant = tenant;
        this.reviewer = reviewer;
        this.filters = filters;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, review.count(tenant, reviewer.get(), filters.get()));
    }

    @Override
    public List<QueueEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                 Map<String, FilterMeta> filterBy) {
        FlagQueueQuery query = sorted(filters.get(), sortBy)
                .page(first, Math.min(pageSize, FlagQueueQuery.MAX_PAGE_SIZE));
        return review.page(tenant, reviewer.get(), query);
    }

    /** The queue sorts by due time only, most urgent first unless the reviewer flips it. */
    static FlagQueueQuery sorted(FlagQueueQuery query, Map<String, SortMeta> sortBy) {
        for (SortMeta sort : sortBy.values()) {
            if (sort.getOrder() != SortOrder.UNSORTED && "dueAt".equals(sort.getField())) {
                return query.dueLatestFirst(sort.getOrder() == SortOrder.DESCENDING);
            }
        }
        return query.dueLatestFirst(false);
    }

    @Override
    public String getRowKey(QueueEntry entry) {
        return entry.flagId().toString();
    }
}
