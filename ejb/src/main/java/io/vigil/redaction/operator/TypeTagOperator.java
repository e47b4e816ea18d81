package io.vigil.redaction.operator;

import io.vigil.redaction.DetectedEntity;

/** Replaces a span with its type in brackets, e.g. {@code [CREDIT_CARD]}: readable and leaks nothing. */
public final class TypeTagOperator implements RedactionOperator {

    @Override
    public String apply(DetectedEntity entity, String original) {
        return "[" + entity.type().name() + "]";
    }
}
