package io.vigil.discovery.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which calls an export covers: the calls of a legal hold (the matter), or of a custodian (the agent's name), in a
 * date range, of one agent profile version, or named one by one. Criteria combine (all must hold); at least one is
 * needed, so nobody exports a whole tenant by leaving the form empty.
 */
public record CallSelection(UUID holdId, String custodian, Instant from, Instant to, UUID agentProfileId,
                            List<UUID> callIds) {

    public static final int MAX_EXPLICIT_CALLS = 10_000;

    public CallSelection {
        callIds = callIds == null ? List.of() : List.copyOf(callIds);
        custodian = custodian == null || custodian.isBlank() ? null : custodian.strip();
        if (holdId == null && custodian == null && from == null && to == null && agentProfileId == null && callIds.isEmpty()) {
            throw new ExportRequestInvalid("Choose the calls: a legal hold, a custodian, a date range, an agent profile or call ids");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ExportRequestInvalid("The date range is empty: 'from' must be before 'to'");
        }
        if (callIds.size() > MAX_EXPLICIT_CALLS) {
            throw new ExportRequestInvalid("Name at most " + MAX_EXPLICIT_CALLS + " calls one by one; use a hold or a date range for more");
        }
    }
}
