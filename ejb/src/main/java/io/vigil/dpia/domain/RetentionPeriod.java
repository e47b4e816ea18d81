package io.vigil.dpia.domain;

/** How long one data class is kept and what happens at expiry, as the tenant's retention policy says. */
public record RetentionPeriod(String dataClass, int days, String actionAtExpiry) {

    /** "90 days, then crypto-shred". */
    public String describe() {
        return days + " days, then " + actionAtExpiry;
    }
}
