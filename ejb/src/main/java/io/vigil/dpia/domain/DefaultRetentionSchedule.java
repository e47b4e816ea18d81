package io.vigil.dpia.domain;

import io.vigil.tenancy.TenantId;
import java.util.List;

/**
 * The retention periods Vigil applies when a tenant has set no policy of its own (docs/operations.md lists them):
 * the data classes of the retention capability with their default period and action at expiry.
 */
public final class DefaultRetentionSchedule implements RetentionSchedule {

    public static final List<RetentionPeriod> DEFAULTS = List.of(
            new RetentionPeriod("raw caller audio", 90, "crypto-shred"),
            new RetentionPeriod("raw agent audio", 90, "crypto-shred"),
            new RetentionPeriod("redacted audio", 365, "crypto-shred"),
            new RetentionPeriod("original transcript", 90, "crypto-shred"),
            new RetentionPeriod("redacted transcript", 365, "delete"),
            new RetentionPeriod("session metadata and events", 730, "anonymise metadata"),
            new RetentionPeriod("annotations", 730, "delete"),
            new RetentionPeriod("exports", 365, "crypto-shred"));

    @Override
    public List<RetentionPeriod> periods(TenantId tenant) {
        return DEFAULTS;
    }
}
