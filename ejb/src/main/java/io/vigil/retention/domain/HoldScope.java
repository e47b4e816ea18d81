package io.vigil.retention.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Which calls a legal hold keeps: every criterion given must match (an empty one does not narrow), and calls named
 * in {@code sessionIds} are kept whatever the criteria. Dates are on the call's start, {@code from} inclusive and
 * {@code to} exclusive. Caller references are held as their keyed hashes only (as the calls store them).
 * Custodians are the people whose work is on a call (annotation authors, flag reviewers), by user id or name.
 * The same rule runs in the database ({@code legal_hold_covers}), for calls that exist and calls still to come.
 */
public record HoldScope(List<String> custodians, Instant from, Instant to, List<String> agentProfileNames,
                        List<String> callerRefHashes, List<String> flagReasons, List<UUID> sessionIds) {

    public HoldScope {
        custodians = clean(custodians);
        agentProfileNames = clean(agentProfileNames);
        callerRefHashes = clean(callerRefHashes);
        flagReasons = clean(flagReasons).stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();
        sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new HoldRejected("The end of the date range must be after its start");
        }
        if (from == null && to == null && custodians.isEmpty() && agentProfileNames.isEmpty()
                && callerRefHashes.isEmpty() && flagReasons.isEmpty() && sessionIds.isEmpty()) {
            throw new HoldRejected("Give the hold a scope: a date range, agents, custodians, caller references, flag"
                    + " reasons or calls; a hold on everything is not a matter");
        }
        for (String hash : callerRefHashes) {
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new HoldRejected("Caller references are held by their keyed hash (64 hex digits)");
            }
        }
    }

    /** A hold on named calls only. */
    public static HoldScope calls(List<UUID> sessionIds) {
        return new HoldScope(List.of(), null, null, List.of(), List.of(), List.of(), sessionIds);
    }

    /** A short text of the scope for audit details and the console. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (from != null || to != null) {
            s.append("started ").append(from == null ? "…" : from).append(" to ").append(to == null ? "…" : to).append("; ");
        }
        append(s, "agents", agentProfileNames);
        append(s, "custodians", custodians);
        append(s, "flag reasons", flagReasons);
        if (!callerRefHashes.isEmpty()) {
            s.append("caller references: ").append(callerRefHashes.size()).append("; ");
        }
        if (!sessionIds.isEmpty()) {
            s.append("calls: ").append(sessionIds.size()).append("; ");
        }
        return s.length() == 0 ? "" : s.substring(0, s.length() - 2);
    }

    private static void append(StringBuilder s, String label, List<String> values) {
        if (!values.isEmpty()) {
            s.append(label).append(": ").append(String.join(", ", values)).append("; ");
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip)
                .filter(v -> !v.isEmpty()).distinct().toList();
    }
}
