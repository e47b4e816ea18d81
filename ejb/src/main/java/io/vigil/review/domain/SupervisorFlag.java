package io.vigil.review.domain;

import io.vigil.session.domain.CallSession;
import io.vigil.session.domain.Flag;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import java.time.Instant;
import java.util.UUID;

/**
 * A supervisor raises a flag on a call they listened to: reason SUPERVISOR_FLAG, the severity they judge, the
 * evidence in their words and the time in the call it points to. Due time follows from severity, as for any flag.
 * The flag and the first entry of its history are stored together.
 */
public record SupervisorFlag(Flag flag, FlagTransition raised) {

    public static final int MAX_EVIDENCE_LENGTH = 2_000;

    public static SupervisorFlag raise(UUID id, CallSession call, Reviewer supervisor, Severity severity,
                                       String evidence, int atMs, Instant at) {
        supervisor.require(ReviewRole.SUPERVISOR, "flag calls");
        if (severity == null) {
            throw new ReviewInputException("Choose a severity: it sets how soon a compliance officer must look.");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new ReviewInputException("Describe what you heard: evidence is required to flag a call.");
        }
        String text = evidence.strip();
        if (text.length() > MAX_EVIDENCE_LENGTH) {
            throw new ReviewInputException("Keep the evidence under " + MAX_EVIDENCE_LENGTH + " characters; it has "
                    + text.length() + ".");
        }
        new CallSpan(atMs, atMs).within(call);
        Flag flag = Flag.raise(id, call, FlagReason.SUPERVISOR_FLAG, severity, text, atMs, at);
        FlagTransition raised = new FlagTransition(call.tenantId(), id, ReviewAction.RAISE, null, FlagState.OPEN,
                supervisor, at, severity + " flag at " + CallSpan.clock(atMs), null);
        return new SupervisorFlag(flag, raised);
    }
}
