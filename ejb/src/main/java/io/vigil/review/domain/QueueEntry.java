package io.vigil.review.domain;

import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One row of the flag queue: what a compliance officer needs to pick a flag, without a second query. */
public record QueueEntry(UUID flagId, UUID callId, FlagReason reason, Severity severity, FlagState state, int atMs,
                         Instant raisedAt, Instant dueAt, String assigneeId, String assigneeName, String resolvedBy,
                         String agentName, int agentVersion, Instant callStartedAt, String evidencePreview)
        implements Serializable {

    /** How much of the evidence the queue shows; the call page shows all of it. */
    public static final int EVIDENCE_PREVIEW = 160;

    public String agentDisplayName() {
        return agentName + " v" + agentVersion;
    }

    public boolean assigned() {
        return assigneeId != null;
    }

    public boolean overdue(Instant now) {
        return FlagQueueQuery.OPEN_WORK.contains(state) && dueAt.isBefore(now);
    }

    /** Waiting for a second reviewer who is not the one who resolved it. */
    public boolean awaitsApprovalFrom(Reviewer reviewer) {
        return state == FlagState.PENDING_APPROVAL && !reviewer.isSamePersonAs(resolvedBy);
    }
}
