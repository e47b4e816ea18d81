package io.vigil.review.domain;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a bulk action did: the flags it changed and, for each one it left alone, why. A refused flag does not stop
 * the others; the reasons are the same messages a single action would give.
 */
public record BulkOutcome(List<UUID> done, Map<UUID, String> refused) implements Serializable {

    public BulkOutcome {
        done = List.copyOf(done);
        refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
    }

    /** "3 claimed; 1 skipped: Sam Okafor is already reviewing this flag." */
    public String summary(String pastTense) {
        String head = done.size() + " " + pastTense;
        if (refused.isEmpty()) {
            return head;
        }
        return head + "; " + refused.size() + " skipped: " + String.join(" ", refused.values().stream()
                .distinct().toList());
    }
}
