package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.review.application.FailureAnnotations;
import io.vigil.review.application.FlagReview;
import io.vigil.review.domain.FailureAnnotation;
import io.vigil.review.domain.BulkOutcome;
import io.vigil.review.domain.Disposition;
import io.vigil.review.domain.FlagCase;
import io.vigil.review.domain.FlagQueueQuery;
import io.vigil.review.domain.FlagTransition;
import io.vigil.review.domain.IllegalTransitionException;
import io.vigil.review.domain.NotPermittedException;
import io.vigil.review.domain.QueueEntry;
import io.vigil.review.domain.QueuePage;
import io.vigil.review.domain.ReviewAction;
import io.vigil.review.domain.ReviewNotFoundException;
import io.vigil.review.domain.ReviewRole;
import io.vigil.review.domain.ReviewedFlag;
import io.vigil.review.domain.Reviewer;
import io.vigil.review.domain.SecondReviewerRequiredException;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.CallQuery;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import io.vigil.tenancy.Tenant;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The review of flags inside Payara, on the demo data that Flyway's schema and the seeder provide. Each test takes
 * its own open flags from the queue, so the class can run again on the same database.
 */
@ExtendWith(ArquillianExtension.class)
class FlagReviewIT {

    private static final Reviewer DANA = Reviewer.of("it-dana", "Dana Reyes", ReviewRole.COMPLIANCE_OFFICER);
    private static final Reviewer SAM = Reviewer.of("it-sam", "Sam Okafor", ReviewRole.COMPLIANCE_OFFICER);
    private static final Reviewer PRIYA = Reviewer.of("it-priya", "Priya Shah", ReviewRole.SUPERVISOR);
    private static final Reviewer KAI = Reviewer.of("it-kai", "Kai Lund", ReviewRole.SUPERVISOR);

    @EJB
    private FlagReview review;

    @EJB
    private FailureAnnotations annotations;

    @EJB
    private CallCatalog catalog;

    @EJB
    private TenantDirectory tenants;

    private TenantId tenant(String slug) {
        Tenant t = tenants.bySlug(slug).orElseThrow(() -> new AssertionError("demo tenant missing: " + slug));
        return new TenantId(t.id());
    }

    private QueueEntry openFlag(TenantId tenant, Severity severity) {
        List<QueueEntry> open = review.page(tenant, DANA, FlagQueueQuery.openWork(200)
                .inStates(Set.of(FlagState.OPEN)).severity(severity));
        assertFalse(open.isEmpty(), "the demo data has open " + severity + " flags");
        return open.get(0);
    }

    @Test
    void aHighSeverityFlagIsClosedByTwoPeople() {
        TenantId bank = tenant("acme-bank");
        QueueEntry entry = openFlag(bank, Severity.HIGH);

        FlagCase claimed = review.claim(bank, DANA, entry.flagId());
        assertEquals(FlagState.IN_REVIEW, claimed.state());
        assertEquals(DANA.userId(), claimed.assigneeId());

        FlagCase proposed = review.resolve(bank, DANA, entry.flagId(), Disposition.CONFIRMED, "tool call without consent");
        assertEquals(FlagState.PENDING_APPROVAL, proposed.state(), "HIGH needs a second reviewer");

        assertThrows(SecondReviewerRequiredException.class, () -> review.approve(bank, DANA, entry.flagId(), null),
                "the same person cannot resolve and approve");
        assertEquals(FlagState.PENDING_APPROVAL, review.find(bank, entry.flagId()).orElseThrow().state(),
                "the refusal changed nothing");

        FlagCase approved = review.approve(bank, SAM, entry.flagId(), "agreed");
        assertEquals(FlagState.RESOLVED, approved.state());
        assertEquals(DANA.userId(), approved.resolvedBy());
        assertEquals(SAM.userId(), approved.approvedBy());

        ReviewedFlag onCall = review.flagsOfCall(bank, entry.callId()).stream()
                .filter(f -> f.flag().id().equals(entry.flagId())).findFirst().orElseThrow();
        List<FlagTransition> history = onCall.history();
        assertEquals(List.of(ReviewAction.CLAIM, ReviewAction.RESOLVE, ReviewAction.APPROVE),
                history.stream().map(FlagTransition::action).toList());
        assertEquals(List.of(FlagState.OPEN, FlagState.IN_REVIEW, FlagState.PENDING_APPROVAL),
                history.stream().map(FlagTransition::from).toList());
        assertEquals(List.of(FlagState.IN_REVIEW, FlagState.PENDING_APPROVAL, FlagState.RESOLVED),
                history.stream().map(FlagTransition::to).toList());
        assertEquals(List.of(DANA.userId(), DANA.userId(), SAM.userId()),
                history.stream().map(FlagTransition::actorId).toList());
        assertEquals("tool call without consent", history.get(1).note());

        QueuePage open = review.queue(bank, DANA, FlagQueueQuery.openWork(200));
        assertTrue(open.rows().stream().noneMatch(r -> r.flagId().equals(entry.flagId())), "resolved leaves the queue");
    }

    @Test
    void aLowSeverityFlagIsClosedByOneAndClaimedOnlyOnce() {
        TenantId bank = tenant("acme-bank");
        QueueEntry entry = openFlag(bank, Severity.LOW);
        review.claim(bank, DANA, entry.flagId());
        assertThrows(IllegalTransitionException.class, () -> review.claim(bank, SAM, entry.flagId()));
        FlagCase resolved = review.resolve(bank, DANA, entry.flagId(), Disposition.FALSE_POSITIVE, "network blip");
        assertEquals(FlagState.RESOLVED, resolved.state());
    }

    @Test
    void theQueueIsSortedByDueTimeAndFiltered() {
        TenantId bank = tenant("acme-bank");
        QueuePage page = review.queue(bank, DANA, FlagQueueQuery.openWork(100));
        assertTrue(page.total() >= page.rows().size());
        for (int i = 1; i < page.rows().size(); i++) {
            assertFalse(page.rows().get(i).dueAt().isBefore(page.rows().get(i - 1).dueAt()), "not by due at row " + i);
        }
        List<QueueEntry> critical = review.page(bank, DANA, FlagQueueQuery.openWork(100).severity(Severity.CRITICAL));
        assertTrue(critical.stream().allMatch(e -> e.severity() == Severity.CRITICAL));
        assertThrows(NotPermittedException.class, () -> review.queue(bank, PRIYA, FlagQueueQuery.openWork(25)),
                "supervisors do not work the queue");
    }

    @Test
    void bulkClaimAndReleaseSkipWhatTheyCannotDo() {
        TenantId bank = tenant("acme-bank");
        List<UUID> ids = review.page(bank, DANA, FlagQueueQuery.openWork(3).inStates(Set.of(FlagState.OPEN))
                .severity(Severity.MEDIUM)).stream().map(QueueEntry::flagId).toList();
        assertEquals(3, ids.size(), "the demo data has open MEDIUM flags");
        review.claim(bank, SAM, ids.get(0));

        BulkOutcome claimed = review.claimAll(bank, DANA, ids);
        assertEquals(ids.subList(1, 3), claimed.done());
        assertTrue(claimed.refused().get(ids.get(0)).contains("Sam Okafor is already reviewing this flag"));

        BulkOutcome released = review.releaseAll(bank, DANA, ids);
        assertEquals(ids.subList(1, 3), released.done(), "Dana releases only her own");
        assertEquals(FlagState.OPEN, review.find(bank, ids.get(1)).orElseThrow().state());
        assertEquals(FlagState.IN_REVIEW, review.find(bank, ids.get(0)).orElseThrow().state());
        review.release(bank, SAM, ids.get(0), null);
    }

    @Test
    void nextClaimsTheMostUrgentOpenFlag() {
        TenantId bank = tenant("acme-bank");
        FlagQueueQuery critical = FlagQueueQuery.openWork(25).severity(Severity.CRITICAL);
        QueueEntry mostUrgent = openFlag(bank, Severity.CRITICAL);
        Optional<FlagCase> next = review.claimNext(bank, DANA, critical);
        assertEquals(mostUrgent.flagId(), next.orElseThrow().id());
        assertEquals(FlagState.IN_REVIEW, next.get().state());
        review.release(bank, DANA, mostUrgent.flagId(), "back to the queue for the next test run");
    }

    @Test
    void anotherTenantsFlagIsNotFound() {
        TenantId bank = tenant("acme-bank");
        TenantId health = tenant("northwind-health");
        QueueEntry entry = openFlag(bank, Severity.MEDIUM);
        assertTrue(review.find(health, entry.flagId()).isEmpty());
        assertThrows(ReviewNotFoundException.class, () -> review.claim(health, DANA, entry.flagId()));
        assertTrue(review.flagsOfCall(health, entry.callId()).isEmpty());
    }

    @Test
    void aSupervisorFlagsACallAndAnnotatesIt() {
        TenantId bank = tenant("acme-bank");
        UUID call = catalog.page(bank, CallQuery.firstPage(1)).get(0).id();
        int flagsBefore = catalog.find(bank, call).orElseThrow().session().flagCount();

        FlagCase raised = review.raise(bank, PRIYA, call, Severity.HIGH, "agent promised a refund it cannot give", 2_000);
        assertEquals(FlagReason.SUPERVISOR_FLAG, raised.reason());
        assertEquals(FlagState.OPEN, raised.state());
        assertEquals(raised.raisedAt().plus(Severity.HIGH.reviewWithin()), raised.dueAt());
        assertEquals(flagsBefore + 1, catalog.find(bank, call).orElseThrow().session().flagCount());
        ReviewedFlag shown = review.flagsOfCall(bank, call).stream()
                .filter(f -> f.flag().id().equals(raised.id())).findFirst().orElseThrow();
        assertEquals(ReviewAction.RAISE, shown.history().get(0).action());
        assertNull(shown.history().get(0).from());
        assertThrows(NotPermittedException.class,
                () -> review.raise(bank, DANA, call, Severity.LOW, "compliance officers do not raise flags", 0));

        FailureAnnotation mark = annotations.annotate(bank, PRIYA, call, "LATENCY", Severity.MEDIUM, 1_000, 3_000,
                "long pause");
        assertTrue(annotations.ofCall(bank, call).stream().anyMatch(a -> a.id().equals(mark.id())));
        assertThrows(NotPermittedException.class,
                () -> annotations.revise(bank, KAI, mark.id(), "TONE", Severity.LOW, 0, 1, "not mine"));
        FailureAnnotation revised = annotations.revise(bank, PRIYA, mark.id(), "ASR_ERROR", Severity.HIGH, 1_000,
                2_500, "misheard");
        assertEquals("ASR_ERROR", revised.category());
        assertEquals(Severity.HIGH, revised.severity());
        assertThrows(NotPermittedException.class, () -> annotations.remove(bank, KAI, mark.id()));
        annotations.remove(bank, PRIYA, mark.id());
        assertTrue(annotations.ofCall(bank, call).stream().noneMatch(a -> a.id().equals(mark.id())));
        assertTrue(annotations.ofCall(tenant("northwind-health"), call).isEmpty());
        assertNotNull(review.find(bank, raised.id()).orElseThrow().dueAt());
    }
}
