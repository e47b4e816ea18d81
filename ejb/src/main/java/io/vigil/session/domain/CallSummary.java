package io.vigil.session.domain;

import java.time.Instant;
import java.util.UUID;

/** One row of the calls list: what a reviewer needs to pick a call, nothing that needs a second query. */
public record CallSummary(UUID id, Instant startedAt, Long durationMs, Channel channel, SessionStatus status,
                          String agentName, int agentVersion, int flagCount, ConsentState consentState,
                          DisclosureState disclosureState) {

    public String agentDisplayName() {
        return agentName + " v" + agentVersion;
    }

    public boolean flagged() {
        return flagCount > 0;
    }
}
