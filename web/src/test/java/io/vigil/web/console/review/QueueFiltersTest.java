package io.vigil.web.console.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.review.domain.FlagQueueQuery;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class QueueFiltersTest {

    @Test
    void noFiltersMeansOpenWorkMostUrgentFirst() {
        FlagQueueQuery q = new QueueFilters().toQuery("u-me", 25);
        assertEquals(FlagQueueQuery.openWork(25), q);
    }

    @Test
    void everyFieldBecomesItsFilter() {
        QueueFilters f = new QueueFilters();
        UUID agent = UUID.randomUUID();
        f.setState("ESCALATED");
        f.setReason("MISSING_CONSENT");
        f.setSeverity("HIGH");
        f.setAgentProfileId(agent.toString());
        f.setMinAge("P3D");
        f.setOverdueOnly(true);
        f.setAssignee("u-sam");
        FlagQueueQuery q = f.toQuery("u-me", 50);
        assertEquals(Set.of(FlagState.ESCALATED), q.states());
        assertEquals(FlagReason.MISSING_CONSENT, q.reason());
        assertEquals(Severity.HIGH, q.severity());
        assertEquals(agent, q.agentProfileId());
        assertEquals(Duration.ofDays(3), q.minAge());
        assertTrue(q.overdueOnly());
        assertEquals("u-sam", q.assigneeId());
        assertEquals(50, q.limit());
    }

    @Test
    void assigneeChoicesMineAndUnassigned() {
        QueueFilters f = new QueueFilters();
        f.setAssignee(QueueFilters.MINE);
        assertEquals("u-me", f.toQuery("u-me", 25).assigneeId());
        f.setAssignee(QueueFilters.UNASSIGNED);
        FlagQueueQuery unassigned = f.toQuery("u-me", 25);
        assertTrue(unassigned.unassignedOnly());
        assertNull(unassigned.assigneeId());
    }

    @Test
    void allStatesLiftsTheStateFilter() {
        QueueFilters f = new QueueFilters();
        f.setState(QueueFilters.ALL_STATES);
        assertTrue(f.toQuery("u-me", 25).states().isEmpty());
        f.setState("");
        assertEquals(FlagQueueQuery.OPEN_WORK, f.toQuery("u-me", 25).states());
    }

    @Test
    void theTableSortsByDueTimeOnly() {
        FlagQueueQuery latest = FlagQueueLazyDataModel.sorted(FlagQueueQuery.openWork(25),
                Map.of("dueAt", SortMeta.builder().field("dueAt").order(SortOrder.DESCENDING).build()));
        assertTrue(latest.dueLatestFirst());
        FlagQueueQuery other = FlagQueueLazyDataModel.sorted(FlagQueueQuery.openWork(25).dueLatestFirst(true),
                Map.of("raisedAt", SortMeta.builder().field("raisedAt").order(SortOrder.DESCENDING).build()));
        assertFalse(other.dueLatestFirst(), "an unknown sort falls back to most urgent first");
    }
}
