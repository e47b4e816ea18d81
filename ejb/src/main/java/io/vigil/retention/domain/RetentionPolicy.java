package io.vigil.retention.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule: calls of {@code retentionClass} keep their {@code dataClass} for {@code periodDays} after the call
 * ended, then {@code action} applies. {@code jurisdiction} is {@link #ANY} for the default rule, or a code (e.g.
 * {@code EU}, {@code US-CA}) whose rule overrides the default for calls of that jurisdiction.
 */
public record RetentionPolicy(String retentionClass, DataClass dataClass, String jurisdiction, int periodDays,
                              RetentionAction action) {

    public static final String ANY = "*";
    public static final int MAX_DAYS = 36_600;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public RetentionPolicy {
        Objects.requireNonNull(dataClass, "data class");
        Objects.requireNonNull(action, "action");
        if (retentionClass == null || !CODE.matcher(retentionClass).matches()) {
            throw new PolicyRejected("A retention class is 1 to 32 letters, digits, '-' or '_' (e.g. standard)");
        }
        jurisdiction = jurisdiction == null || jurisdiction.isBlank() ? ANY : jurisdiction.strip().toUpperCase(java.util.Locale.ROOT);
        if (!ANY.equals(jurisdiction) && (jurisdiction.length() > 16 || !CODE.matcher(jurisdiction).matches())) {
            throw new PolicyRejected("A jurisdiction is a code of up to 16 letters, digits or '-' (e.g. EU, US-CA); "
                    + "leave it empty for the default rule");
        }
        if (periodDays < 1 || periodDays > MAX_DAYS) {
            throw new PolicyRejected("The period is between 1 and " + MAX_DAYS + " days (100 years)");
        }
        if (!dataClass.allows(action)) {
            throw new PolicyRejected(dataClass.label() + " can be " + dataClass.allowedActions().stream()
                    .map(a -> a.label().toLowerCase(java.util.Locale.ROOT)).toList() + " at expiry, not "
                    + action.label().toLowerCase(java.util.Locale.ROOT));
        }
    }

    public boolean isOverride() {
        return !ANY.equals(jurisdiction);
    }

    /** A short text for audit details and certificates, e.g. {@code 365 days, DELETE}. */
    public String describe() {
        return periodDays + " days, " + action.name();
    }
}
