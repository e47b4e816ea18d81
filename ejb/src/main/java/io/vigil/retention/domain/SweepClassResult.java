package io.vigil.retention.domain;

/**
 * What one sweep did (or, dry, would do) for one data class, action and contributor: how many artifacts, and the
 * {@link IdentifierDigest} of their identifiers.
 */
public record SweepClassResult(DataClass dataClass, RetentionAction action, String contributor, long artifacts,
                               String identifierDigest, boolean done) {
}
