package io.vigil.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.session.domain.CallQuery;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class CallLazyDataModelTest {

    @Test
    void tableSortMapsToIndexedSortKeys() {
        CallQuery byDuration = CallLazyDataModel.sorted(CallQuery.firstPage(25),
                Map.of("durationMs", SortMeta.builder().field("durationMs").order(SortOrder.ASCENDING).build()));
        assertEquals(CallQuery.SortKey.DURATION, byDuration.sortKey());
        assertTrue(byDuration.ascending());

        CallQuery byStart = CallLazyDataModel.sorted(CallQuery.firstPage(25),
                Map.of("startedAt", SortMeta.builder().field("startedAt").order(SortOrder.DESCENDING).build()));
        assertEquals(CallQuery.SortKey.STARTED_AT, byStart.sortKey());
        assertFalse(byStart.ascending());
    }

    @Test
    void unsortedKeepsNewestFirst() {
        CallQuery q = CallLazyDataModel.sorted(CallQuery.firstPage(25), Map.of());
        assertEquals(CallQuery.SortKey.STARTED_AT, q.sortKey());
        assertFalse(q.ascending());
    }
}
