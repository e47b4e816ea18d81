package io.vigil.review.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a tenant's failure taxonomy, kept by administrators: a stable code (what exports and dashboards
 * group by), the label supervisors see, its place in the list, and whether supervisors may still pick it. A
 * retired category stays on the annotations that already use it.
 */
public record FailureCategory(String code, String label, int position, boolean active) {

    static final int MAX_LABEL = 120;

    public FailureCategory {
        Objects.requireNonNull(code, "code");
        label = requireLabel(label);
    }

    /** A new category named by an administrator; its code is derived from the label ("Talked over" → TALKED_OVER). */
    public static FailureCategory named(String label, int position) {
        String checked = requireLabel(label);
        String code = Normalizer.normalize(checked, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (code.length() > 48) {
            code = code.substring(0, 48).replaceAll("_+$", "");
        }
        if (code.length() < 2 || !Character.isLetter(code.charAt(0))) {
            throw new ReviewInputException("Start the category's name with a letter and give it at least two letters"
                    + " or digits, e.g. \"Wrong tool\".");
        }
        return new FailureCategory(code, checked, position, true);
    }

    public FailureCategory relabelled(String newLabel) {
        return new FailureCategory(code, newLabel, position, active);
    }

    public FailureCategory retired() {
        return new FailureCategory(code, label, position, false);
    }

    public FailureCategory restored() {
        return new FailureCategory(code, label, position, true);
    }

    private static String requireLabel(String label) {
        String trimmed = label == null ? "" : label.strip();
        if (trimmed.isEmpty()) {
            throw new ReviewInputException("Give the category a name, e.g. \"Wrong tool\".");
        }
        if (trimmed.length() > MAX_LABEL) {
            throw new ReviewInputException("Keep the category's name under " + MAX_LABEL + " characters.");
        }
        return trimmed;
    }
}
