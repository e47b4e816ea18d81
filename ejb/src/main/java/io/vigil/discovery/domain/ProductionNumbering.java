package io.vigil.discovery.domain;

/**
 * Production (Bates) numbers: a prefix and a zero-padded counter, e.g. {@code VGL000001}. One call is one document
 * and gets one number, so its begin and end numbers are the same.
 */
public record ProductionNumbering(String prefix, long start, int digits) {

    public ProductionNumbering {
        if (prefix == null || !prefix.matches("[A-Za-z0-9_-]{1,20}")) {
            throw new ExportRequestInvalid("The production prefix must be 1 to 20 letters, digits, '-' or '_' (e.g. VGL)");
        }
        if (start < 0) {
            throw new ExportRequestInvalid("The first production number must be 0 or more");
        }
        if (digits < 1 || digits > 12) {
            throw new ExportRequestInvalid("Production numbers have 1 to 12 digits");
        }
    }

    public static ProductionNumbering of(String prefix, long start) {
        return new ProductionNumbering(prefix, start, 6);
    }

    /** The number of the document at {@code ordinal} (0-based) in the production. */
    public String number(int ordinal) {
        long value = start + ordinal;
        String digitsText = Long.toString(value);
        if (digitsText.length() > digits) {
            throw new ExportRequestInvalid("Production number " + value + " does not fit in " + digits + " digits; start lower");
        }
        return prefix + "0".repeat(digits - digitsText.length()) + digitsText;
    }
}
