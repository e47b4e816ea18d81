package io.vigil.review.domain;

import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the flag queue asks for: filters, the direction of the due-time sort and a page. Every filter is optional;
 * {@code states} empty means every state. Immutable; the {@code with...} style methods return a changed copy.
 *
 * @param minAge          only flags raised at least this long ago
 * @param overdueOnly     only flags past their due time
 * @param assigneeId      only flags held by this user id
 * @param unassignedOnly  only flags nobody holds
 */
public record FlagQueueQuery(Set<FlagState> states, FlagReason reason, Severity severity, UUID agentProfileId,
                             Duration minAge, boolean overdueOnly, String assigneeId, boolean unassignedOnly,
                             boolean dueLatestFirst, int offset, int limit) {

    public static final int MAX_PAGE_SIZE = 200;

    /** The states someone still has to act on: the default of the queue. */
    public static final Set<FlagState> OPEN_WORK =
            Set.copyOf(EnumSet.of(FlagState.OPEN, FlagState.IN_REVIEW, FlagState.PENDING_APPROVAL));

    public FlagQueueQuery {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        if (minAge != null && minAge.isNegative()) {
            throw new IllegalArgumentException("a minimum age cannot be negative");
        }
        if (assigneeId != null && assigneeId.isBlank()) {
            assigneeId = null;
        }
        if (assigneeId != null && unassignedOnly) {
            throw new IllegalArgumentException("a flag cannot be both held by someone and unassigned");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** Open work, most urgent first. */
    public static FlagQueueQuery openWork(int limit) {
        return new FlagQueueQuery(OPEN_WORK, null, null, null, null, false, null, false, false, 0, limit);
    }

    public FlagQueueQuery page(int newOffset, int newLimit) {
        return new FlagQueueQuery(states, reason, severity, agentProfileId, minAge, overdueOnly, assigneeId,
                unassignedOnly, dueLatestFirst, newOffset, newLimit);
    }

    public FlagQueueQuery inStates(Set<FlagState> newStates) {
        return new FlagQueueQuery(newStates, reason, severity, agentProfileId, minAge, overdueOnly, assigneeId,
                unassignedOnly, dueLatestFirst, offset, limit);
    }

    public FlagQueueQuery reason(FlagReason newReason) {
        return new FlagQueueQuery(states, newReason, severity, agentProfileId, minAge, overdueOnly, assigneeId,
                unassignedOnly, dueLatestFirst, offset, limit);
    }

    public FlagQueueQuery severity(Severity newSeverity) {
        return new FlagQueueQuery(states, reason, newSeverity, agentProfileId, minAge, overdueOnly, assigneeId,
                unassignedOnly, dueLatestFirst, offset, limit);
    }

    public FlagQueueQuery agent(UUID newAgentProfileId) {
        return new FlagQueueQuery(states, reason, severity, newAgentProfileId, minAge, overdueOnly, assigneeId,
                unassignedOnly, dueLatestFirst, offset, limit);
    }

    public FlagQueueQuery olderThan(Duration newMinAge) {
        return new FlagQueueQuery(states, reason, severity, agentProfileId, newMinAge, overdueOnly, assigneeId,
                unassignedOnly, dueLatestFirst, offset, limit);
    }

    public FlagQueueQuery overdue(boolean onlyOverdue) {
        return new FlagQueueQuery(states, reason, severity, agentProfileId, minAge, onlyOverdue, assigneeId,
                unassignedOnly, dueLatestFirst, offset, limit);
    }

    public FlagQueueQuery heldBy(String userId) {
        return new FlagQueueQuery(states, reason, severity, agentProfileId, minAge, overdueOnly, userId, false,
                dueLatestFirst, offset, limit);
    }

    public FlagQueueQuery unassigned() {
        return new FlagQueueQuery(states, reason, severity, agentProfileId, minAge, overdueOnly, null, true,
                dueLatestFirst, offset, limit);
    }

    public FlagQueueQuery anyAssignee() {
        return new FlagQueueQuery(states, reason, severity, agentProfileId, minAge, overdueOnly, null, false,
                dueLatestFirst, offset, limit);
    }

    public FlagQueueQuery dueLatestFirst(boolean latestFirst) {
        return new FlagQueueQuery(states, reason, severity, agentProfileId, minAge, overdueOnly, assigneeId,
                unassignedOnly, latestFirst, offset, limit);
    }

    /** True when every state asked for is open work, so the partial queue indexes serve the query. */
    public boolean onlyOpenWork() {
        return !states.isEmpty() && OPEN_WORK.containsAll(states);
    }
}
