package io.vigil.review.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FlagQueueReaderTest {

    private final UUID tenant = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-03-10T12:00:00Z");
    private final List<String> statements = new ArrayList<>();

    @Test
    void countReadsTheSingleValue() {
        FlagQueueReader reader = new FlagQueueReader((sql, params) -> {
            statements.add(sql);
            return List.<Object[]>of(new Object[] {42L});
        });
        assertEquals(42, reader.count(tenant, FlagQueueQuery.openWork(25), now));
        assertTrue(statements.get(0).startsWith("SELECT count(*)"));
    }

    @Test
    void rowsBecomeQueueEntries() {
        UUID flag = UUID.randomUUID();
        UUID call = UUID.randomUUID();
        Instant due = now.minusSeconds(60);
        FlagQueueReader reader = new FlagQueueReader((sql, params) -> List.<Object[]>of(new Object[] {
                flag, call, "MISSING_CONSENT", "HIGH", "PENDING_APPROVAL", 4_200, Timestamp.from(now.minusSeconds(86_400)),
                Timestamp.from(due), "u-dana", "Dana Reyes", "u-dana", "Card services", 3,
                Timestamp.from(now.minusSeconds(90_000)), "no consent asked"}));
        QueueEntry e = reader.page(tenant, FlagQueueQuery.openWork(25), now).get(0);
        assertEquals(flag, e.flagId());
        assertEquals(call, e.callId());
        assertEquals(FlagReason.MISSING_CONSENT, e.reason());
        assertEquals(Severity.HIGH, e.severity());
        assertEquals(FlagState.PENDING_APPROVAL, e.state());
        assertEquals(due, e.dueAt());
        assertEquals("Card services v3", e.agentDisplayName());
        assertTrue(e.overdue(now));
        assertTrue(e.assigned());
        assertFalse(e.awaitsApprovalFrom(ReviewFixtures.DANA), "not from the person who resolved it");
        assertTrue(e.awaitsApprovalFrom(ReviewFixtures.SAM));
    }

    @Test
    void nextAsksForOpenUnassignedFlagsWhateverTheStateAndAssigneeFilters() {
        UUID id = UUID.randomUUID();
        List<List<Object>> params = new ArrayList<>();
        FlagQueueReader reader = new FlagQueueReader((sql, p) -> {
            statements.add(sql);
            params.add(p);
            return List.<Object[]>of(new Object[] {id});
        });
        Optional<UUID> next = reader.nextOpen(tenant, FlagQueueQuery.openWork(25).heldBy("u-sam")
                .severity(Severity.CRITICAL).dueLatestFirst(true).page(100, 50), now);
        assertEquals(Optional.of(id), next);
        String sql = statements.get(0);
        assertTrue(sql.contains("f.state = 'OPEN'"), sql);
        assertTrue(sql.contains("f.assignee_id IS NULL"), sql);
        assertTrue(sql.contains("f.severity = ?"), sql);
        assertEquals(List.of(tenant, "CRITICAL"), params.get(0));
    }

    @Test
    void nextIsEmptyWhenTheQueueIsDone() {
        FlagQueueReader reader = new FlagQueueReader((sql, p) -> List.of());
        assertEquals(Optional.empty(), reader.nextOpen(tenant, FlagQueueQuery.openWork(25), now));
    }

    @Test
    void aBulkSummaryNamesWhatWasSkippedAndWhy() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        java.util.Map<UUID, String> refused = new java.util.LinkedHashMap<>();
        refused.put(b, "Sam Okafor is already reviewing this flag.");
        refused.put(c, "Sam Okafor is already reviewing this flag.");
        BulkOutcome outcome = new BulkOutcome(List.of(a), refused);
        assertEquals("1 claimed; 2 skipped: Sam Okafor is already reviewing this flag.", outcome.summary("claimed"));
        assertEquals("3 released", new BulkOutcome(List.of(a, b, c), java.util.Map.of()).summary("released"));
    }
}
