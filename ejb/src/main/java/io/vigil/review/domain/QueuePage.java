package io.vigil.review.domain;

import java.util.List;

/** A page of the flag queue and how many flags match its filters in all. */
public record QueuePage(List<QueueEntry> rows, long total) {
    public QueuePage {
        rows = List.copyOf(rows);
    }
}
