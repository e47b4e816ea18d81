package io.vigil.session.domain;

import java.util.List;

/** A page of the calls list and how many calls match the query in all. */
public record CallPage(List<CallSummary> rows, long total) {
    public CallPage {
        rows = List.copyOf(rows);
    }
}
