package io.vigil.review.application;

import io.vigil.platform.NativeRows;
import io.vigil.review.domain.BulkOutcome;
import io.vigil.review.domain.ConcurrentReviewException;
import io.vigil.review.domain.Disposition;
import io.vigil.review.domain.EscalationTarget;
import io.vigil.review.domain.FlagCase;
import io.vigil.review.domain.FlagQueueQuery;
import io.vigil.review.domain.FlagQueueReader;
import io.vigil.review.domain.FlagTransition;
import io.vigil.review.domain.QueueEntry;
import io.vigil.review.domain.QueuePage;
import io.vigil.review.domain.ReviewException;
import io.vigil.review.domain.ReviewInputException;
import io.vigil.review.domain.ReviewNotFoundException;
import io.vigil.review.domain.ReviewRole;
import io.vigil.review.domain.ReviewedFlag;
import io.vigil.review.domain.Reviewer;
import io.vigil.review.domain.SupervisorFlag;
import io.vigil.session.domain.CallSession;
import io.vigil.session.domain.Severity;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Works the flag queue: lists it, and moves flags through their review ({@link FlagCase} holds the rules). Every
 * method takes the tenant first and the acting {@link Reviewer}; every change stores its {@link FlagTransition} in
 * the same transaction. A refused action throws a {@link ReviewException} whose message is meant for the reviewer.
 */
@Stateless
public class FlagReview {

    /** Bulk actions act on at most one page of the queue. */
    public static final int MAX_BULK = FlagQueueQuery.MAX_PAGE_SIZE;

    private static final ReviewRole[] QUEUE_ROLES =
            {ReviewRole.COMPLIANCE_OFFICER, ReviewRole.LEGAL, ReviewRole.SECURITY};

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @jakarta.ejb.EJB
    private io.vigil.audit.AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public QueuePage queue(TenantId tenant, Reviewer reviewer, FlagQueueQuery query) {
        return new QueuePage(page(tenant, reviewer, query), count(tenant, reviewer, query));
    }

    /** How many flags match the query's filters, whatever its page. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(TenantId tenant, Reviewer reviewer, FlagQueueQuery query) {
        reviewer.requireAny("open the flag queue", QUEUE_ROLES);
        return reader().count(tenant.value(), query, Instant.now());
    }

    /** The query's page of the queue, by due time. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<QueueEntry> page(TenantId tenant, Reviewer reviewer, FlagQueueQuery query) {
        reviewer.requireAny("open the flag queue", QUEUE_ROLES);
        return reader().page(tenant.value(), query, Instant.now());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<FlagCase> find(TenantId tenant, UUID flagId) {
        return em.createQuery("SELECT f FROM FlagCase f WHERE f.id = :id AND f.tenantId = :tenant", FlagCase.class)
                .setParameter("id", flagId).setParameter("tenant", tenant.value())
                .getResultStream().findFirst();
    }

    /** The flags of a call in timeline order, each with its history. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ReviewedFlag> flagsOfCall(TenantId tenant, UUID callId) {
        List<FlagCase> flags = em.createQuery("SELECT f FROM FlagCase f WHERE f.sessionId = :call"
                        + " AND f.tenantId = :tenant ORDER BY f.atMs, f.raisedAt, f.id", FlagCase.class)
                .setParameter("call", callId).setParameter("tenant", tenant.value()).getResultList();
        if (flags.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<FlagTransition>> history = em.createQuery("SELECT t FROM FlagTransition t"
                        + " WHERE t.flagId IN :flags AND t.tenantId = :tenant ORDER BY t.id", FlagTransition.class)
                .setParameter("flags", flags.stream().map(FlagCase::id).toList())
                .setParameter("tenant", tenant.value()).getResultStream()
                .collect(Collectors.groupingBy(FlagTransition::flagId, LinkedHashMap::new, Collectors.toList()));
        return flags.stream().map(f -> new ReviewedFlag(f, history.getOrDefault(f.id(), List.of()))).toList();
    }

    public FlagCase claim(TenantId tenant, Reviewer reviewer, UUID flagId) {
        return change(tenant, flagId, (flag, now) -> flag.claim(reviewer, now));
    }

    public FlagCase assign(TenantId tenant, Reviewer reviewer, UUID flagId, Reviewer assignee) {
        return change(tenant, flagId, (flag, now) -> flag.assign(reviewer, assignee, now));
    }

    public FlagCase release(TenantId tenant, Reviewer reviewer, UUID flagId, String note) {
        return change(tenant, flagId, (flag, now) -> flag.release(reviewer, note, now));
    }

    /** Resolves the flag, or for HIGH and CRITICAL proposes the resolution for a second reviewer. */
    public FlagCase resolve(TenantId tenant, Reviewer reviewer, UUID flagId, Disposition disposition, String note) {
        return change(tenant, flagId, (flag, now) -> flag.resolve(reviewer, disposition, note, now));
    }

    public FlagCase approve(TenantId tenant, Reviewer reviewer, UUID flagId, String note) {
        return change(tenant, flagId, (flag, now) -> flag.approve(reviewer, note, now));
    }

    public FlagCase reject(TenantId tenant, Reviewer reviewer, UUID flagId, String note) {
        return change(tenant, flagId, (flag, now) -> flag.reject(reviewer, note, now));
    }

    public FlagCase escalate(TenantId tenant, Reviewer reviewer, UUID flagId, EscalationTarget target, String note) {
        return change(tenant, flagId, (flag, now) -> flag.escalate(reviewer, target, note, now));
    }

    public FlagCase concludeEscalation(TenantId tenant, Reviewer reviewer, UUID flagId, Disposition disposition,
                                       String note) {
        return change(tenant, flagId, (flag, now) -> flag.concludeEscalation(reviewer, disposition, note, now));
    }

    /**
     * Claims the most urgent open, unassigned flag that matches the filters (state and assignee filters aside);
     * empty when none is left. Two reviewers asking at once get different flags.
     */
    public Optional<FlagCase> claimNext(TenantId tenant, Reviewer reviewer, FlagQueueQuery filters) {
        reviewer.require(ReviewRole.COMPLIANCE_OFFICER, "claim flags");
        Optional<UUID> next = reader().nextOpen(tenant.value(), filters, Instant.now());
        return next.map(id -> claim(tenant, reviewer, id));
    }

    public BulkOutcome claimAll(TenantId tenant, Reviewer reviewer, Collection<UUID> flagIds) {
        return changeAll(tenant, flagIds, (flag, now) -> flag.claim(reviewer, now));
    }

    public BulkOutcome assignAll(TenantId tenant, Reviewer reviewer, Collection<UUID> flagIds, Reviewer assignee) {
        return changeAll(tenant, flagIds, (flag, now) -> flag.assign(reviewer, assignee, now));
    }

    public BulkOutcome releaseAll(TenantId tenant, Reviewer reviewer, Collection<UUID> flagIds) {
        return changeAll(tenant, flagIds, (flag, now) -> flag.release(reviewer, null, now));
    }

    /** A supervisor flags a call at a time in it; the flag joins the queue as OPEN with its due time. */
    public FlagCase raise(TenantId tenant, Reviewer supervisor, UUID callId, Severity severity, String evidence,
                          int atMs) {
        CallSession call = em.createQuery("SELECT c FROM CallSession c WHERE c.id = :id AND c.tenantId = :tenant",
                        CallSession.class)
                .setParameter("id", callId).setParameter("tenant", tenant.value()).getResultStream().findFirst()
                .orElseThrow(() -> new ReviewNotFoundException("No call " + callId + " here to flag. Open the call"
                        + " from the calls list and try again."));
        SupervisorFlag raised = SupervisorFlag.raise(UUID.randomUUID(), call, supervisor, severity, evidence, atMs,
                Instant.now());
        em.persist(raised.flag());
        // the history row refers to the flag: insert the flag first
        em.flush();
        em.persist(raised.raised());
        audit.record(io.vigil.audit.domain.AuditEvents.flagTransition(raised.raised()));
        return em.find(FlagCase.class, raised.flag().id());
    }

    private FlagCase change(TenantId tenant, UUID flagId, BiFunction<FlagCase, Instant, FlagTransition> step) {
        FlagCase flag = find(tenant, flagId).orElseThrow(() -> notFound(flagId));
        FlagTransition transition = step.apply(flag, Instant.now());
        em.persist(transition);
        flush();
        audit.record(io.vigil.audit.domain.AuditEvents.flagTransition(transition));
        return flag;
    }

    private BulkOutcome changeAll(TenantId tenant, Collection<UUID> flagIds,
                                  BiFunction<FlagCase, Instant, FlagTransition> step) {
        if (flagIds.size() > MAX_BULK) {
            throw new ReviewInputException("Select at most " + MAX_BULK + " flags at a time; "
                    + flagIds.size() + " are selected.");
        }
        if (flagIds.isEmpty()) {
            throw new ReviewInputException("Select the flags first: tick their boxes in the queue.");
        }
        Instant now = Instant.now();
        Map<UUID, FlagCase> found = em.createQuery("SELECT f FROM FlagCase f WHERE f.id IN :ids"
                        + " AND f.tenantId = :tenant", FlagCase.class)
                .setParameter("ids", List.copyOf(flagIds)).setParameter("tenant", tenant.value())
                .getResultStream().collect(Collectors.toMap(FlagCase::id, f -> f));
        List<UUID> done = new ArrayList<>();
        List<io.vigil.audit.domain.AuditEvent> audited = new ArrayList<>();
        Map<UUID, String> refused = new LinkedHashMap<>();
        for (UUID id : new LinkedHashSet<>(flagIds)) {
            FlagCase flag = found.get(id);
            if (flag == null) {
                refused.put(id, notFound(id).getMessage());
                continue;
            }
            try {
                FlagTransition transition = step.apply(flag, now);
                em.persist(transition);
                audited.add(io.vigil.audit.domain.AuditEvents.flagTransition(transition));
                done.add(id);
            } catch (ReviewException e) {
                // the rules refuse before they change anything, so the other flags go ahead
                refused.put(id, e.getMessage());
            }
        }
        flush();
        audit.recordAll(audited);
        return new BulkOutcome(done, refused);
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentReviewException("Someone else changed this flag a moment ago, so nothing was saved."
                    + " Reload to see its current state, then try again.");
        }
    }

    private static ReviewNotFoundException notFound(UUID flagId) {
        return new ReviewNotFoundException("No flag " + flagId + " here. It may have been removed; reload the queue.");
    }

    private FlagQueueReader reader() {
        return new FlagQueueReader(this::nativeRows);
    }

    private List<Object[]> nativeRows(String sql, List<Object> parameters) {
        return NativeRows.query(em, sql, parameters);
    }
}
