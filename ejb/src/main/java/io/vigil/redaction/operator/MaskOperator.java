package io.vigil.redaction.operator;

import io.vigil.redaction.DetectedEntity;

/**
 * Replaces every letter and digit of the span with a mask character and keeps spaces and punctuation, so the shape
 * of the utterance (word count, timing alignment) survives. Optionally keeps the last N digits of the canonical value
 * visible, as agents often need "the card ending 1111".
 */
public final class MaskOperator implements RedactionOperator {

    private final char mask;
    private final int keepLastDigits;

    public MaskOperator(char mask, int keepLastDigits) {
        if (keepLastDigits < 0) {
            throw new IllegalArgumentException("keepLastDigits must be >= 0");
        }
        this.mask = mask;
        this.keepLastDigits = keepLastDigits;
    }

    public MaskOperator() {
        this('*', 0);
    }

    @Override
    public String apply(DetectedEntity entity, String original) {
        StringBuilder sb = new StringBuilder(original.length() + 8);
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            sb.append(Character.isLetterOrDigit(c) ? mask : c);
        }
        if (keepLastDigits > 0 && entity.canonicalValue() != null) {
            String digits = entity.canonicalValue().replaceAll("\\D", "");
            if (digits.length() > keepLastDigits * 2) {
                sb.append(" (ending ").append(digits.substring(digits.length() - keepLastDigits)).append(')');
            }
        }
        return sb.toString();
    }
}
