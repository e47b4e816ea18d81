package io.vigil.dpia.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.DefaultPolicies;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.retention.domain.RetentionPolicies;
import io.vigil.retention.domain.RetentionPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPeriodsTest {

    @Test
    void aTenantWithoutPoliciesIsUnderTheDefaults() {
        List<RetentionPeriod> periods = RetentionPeriods.of(new RetentionPolicies(List.of()));
        assertEquals(RetentionPeriods.of(DefaultPolicies.standard()), periods);
        assertTrue(periods.contains(new RetentionPeriod("raw caller audio", 90, "crypto-shred")), periods.toString());
        assertTrue(periods.contains(new RetentionPeriod("raw caller audio (EU)", 30, "crypto-shred")), periods.toString());
        assertTrue(periods.contains(new RetentionPeriod("session metadata and events", 730, "anonymise metadata")));
    }

    @Test
    void anotherRetentionClassIsNamedAndALongerPeriodChangesTheFact() {
        RetentionPolicies policies = DefaultPolicies.standard()
                .with(new RetentionPolicy("extended", DataClass.REDACTED_TRANSCRIPT, RetentionPolicy.ANY, 1825, RetentionAction.DELETE));
        assertTrue(RetentionPeriods.of(policies).contains(
                new RetentionPeriod("redacted transcript [extended calls]", 1825, "delete")));

        RetentionPolicies longer = DefaultPolicies.standard()
                .with(new RetentionPolicy("standard", DataClass.RAW_CALLER_AUDIO, RetentionPolicy.ANY, 365, RetentionAction.CRYPTO_SHRED));
        ConfigurationSnapshot before = new ConfigurationSnapshot(List.of(), RetentionPeriods.of(DefaultPolicies.standard()),
                List.of(), List.of(), "x");
        ConfigurationSnapshot after = new ConfigurationSnapshot(List.of(), RetentionPeriods.of(longer), List.of(), List.of(), "x");
        assertEquals(List.of(new FactChange("retention.raw caller audio", "Retention of raw caller audio",
                "90 days, then crypto-shred", "365 days, then crypto-shred")), after.facts().changesSince(before.facts()));
    }
}
