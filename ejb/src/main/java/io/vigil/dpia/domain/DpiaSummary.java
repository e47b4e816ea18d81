package io.vigil.dpia.domain;

import java.time.Instant;
import java.util.UUID;

/** One row of the DPIA list: a version, its state, and whether the configuration drifted since its approval. */
public record DpiaSummary(UUID id, UUID seriesId, int version, String title, DpiaState state, String authorName,
                          Instant updatedAt, boolean needsReview) {
}
