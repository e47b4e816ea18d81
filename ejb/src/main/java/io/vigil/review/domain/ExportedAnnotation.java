package io.vigil.review.domain;

import java.time.Instant;
import java.util.UUID;

/** One annotation as the agent team receives it in an export: where, what, how bad, by whom, on which agent version. */
public record ExportedAnnotation(UUID annotationId, UUID callId, Instant callStartedAt, String agentProfile,
                                 int agentVersion, String upstreamModel, String category, String categoryLabel,
                                 String severity, int startMs, int endMs, String note, String authorName,
                                 Instant createdAt, Instant updatedAt) {
}
