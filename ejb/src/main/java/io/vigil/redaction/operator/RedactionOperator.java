package io.vigil.redaction.operator;

import io.vigil.redaction.DetectedEntity;

/** Decides what replaces a detected span. Implementations must be thread-safe. */
@FunctionalInterface
public interface RedactionOperator {

    /**
     * @param entity   the finding (its canonical value is the normalised form, e.g. card digits)
     * @param original the original characters of the span
     * @return the replacement text
     */
    String apply(DetectedEntity entity, String original);
}
