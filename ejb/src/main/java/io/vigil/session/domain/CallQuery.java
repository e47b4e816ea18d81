package io.vigil.session.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the calls list asks for: filters, one sort key and a page. Every field but the page is optional.
 * Immutable; the {@code with...} methods return a changed copy.
 */
public record CallQuery(Instant from, Instant to, UUID agentProfileId, Channel channel, boolean flaggedOnly,
                        SortKey sortKey, boolean ascending, int offset, int limit) {

    public static final int MAX_PAGE_SIZE = 200;

    /** The columns a caller may sort by: each is backed by an index, so deep pages stay fast. */
    public enum SortKey { STARTED_AT, DURATION }

    public CallQuery {
        Objects.requireNonNull(sortKey, "sort key");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the date range ends before it starts");
        }
    }

    /** Newest first, no filters. */
    public static CallQuery firstPage(int limit) {
        return new CallQuery(null, null, null, null, false, SortKey.STARTED_AT, false, 0, limit);
    }

    public CallQuery page(int newOffset, int newLimit) {
        return new CallQuery(from, to, agentProfileId, channel, flaggedOnly, sortKey, ascending, newOffset, newLimit);
    }

    public CallQuery between(Instant newFrom, Instant newTo) {
        return new CallQuery(newFrom, newTo, agentProfileId, channel, flaggedOnly, sortKey, ascending, offset, limit);
    }

    public CallQuery agent(UUID newAgentProfileId) {
        return new CallQuery(from, to, newAgentProfileId, channel, flaggedOnly, sortKey, ascending, offset, limit);
    }

    public CallQuery channel(Channel newChannel) {
        return new CallQuery(from, to, agentProfileId, newChannel, flaggedOnly, sortKey, ascending, offset, limit);
    }

    public CallQuery flagged(boolean onlyFlagged) {
        return new CallQuery(from, to, agentProfileId, channel, onlyFlagged, sortKey, ascending, offset, limit);
    }

    public CallQuery sortedBy(SortKey key, boolean asc) {
        return new CallQuery(from, to, agentProfileId, channel, flaggedOnly, key, asc, offset, limit);
    }
}
