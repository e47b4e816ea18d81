package io.vigil.web.console.review;

import io.vigil.review.domain.FlagQueueQuery;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import java.io.Serializable;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * The queue page's filter fields as the form submits them (strings, blank for "any"), turned into a
 * {@link FlagQueueQuery}. Kept apart from the view so the mapping is unit-tested.
 */
public class QueueFilters implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The state filter's "open work" choice, the default: open, in review and pending approval. */
    public static final String OPEN_WORK = "OPEN_WORK";
    /** The state filter's "every state" choice. */
    public static final String ALL_STATES = "ALL";
    /** The assignee filter's choices besides a colleague's user id. */
    public static final String UNASSIGNED = "UNASSIGNED";
    public static final String MINE = "MINE";

    private String state = OPEN_WORK;
    private String reason;
    private String severity;
    private String agentProfileId;
    /** An ISO-8601 duration such as P3D: only flags raised at least that long ago. */
    private String minAge;
    private boolean overdueOnly;
    private String assignee;

    /** The filters as the first page of a query; {@code me} is the user id "mine" stands for. */
    public FlagQueueQuery toQuery(String me, int pageSize) {
        FlagQueueQuery query = FlagQueueQuery.openWork(pageSize).inStates(states()).overdue(overdueOnly);
        if (!blank(reason)) {
            query = query.reason(FlagReason.valueOf(reason));
        }
        if (!blank(severity)) {
            query = query.severity(Severity.valueOf(severity));
        }
        if (!blank(agentProfileId)) {
            query = query.agent(UUID.fromString(agentProfileId));
        }
        if (!blank(minAge)) {
            query = query.olderThan(Duration.parse(minAge));
        }
        if (UNASSIGNED.equals(assignee)) {
            query = query.unassigned();
        } else if (MINE.equals(assignee)) {
            query = query.heldBy(me);
        } else if (!blank(assignee)) {
            query = query.heldBy(assignee);
        }
        return query;
    }

    private Set<FlagState> states() {
        if (blank(state) || OPEN_WORK.equals(state)) {
            return FlagQueueQuery.OPEN_WORK;
        }
        return ALL_STATES.equals(state) ? Set.of() : Set.of(FlagState.valueOf(state));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getSeverity() { return severity; }
    public void setSeverity(String severity) { this.severity = severity; }
    public String getAgentProfileId() { return agentProfileId; }
    public void setAgentProfileId(String agentProfileId) { this.agentProfileId = agentProfileId; }
    public String getMinAge() { return minAge; }
    public void setMinAge(String minAge) { this.minAge = minAge; }
    public boolean isOverdueOnly() { return overdueOnly; }
    public void setOverdueOnly(boolean overdueOnly) { this.overdueOnly = overdueOnly; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
}
