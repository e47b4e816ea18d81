package io.vigil.retention.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPoliciesTest {

    @Test
    void aJurisdictionOverrideWinsOverTheDefault() {
        RetentionPolicies rules = DefaultPolicies.standard();
        assertEquals(30, rules.ruleFor("standard", "EU", DataClass.RAW_CALLER_AUDIO).orElseThrow().periodDays());
        assertEquals(30, rules.ruleFor("standard", "eu", DataClass.RAW_CALLER_AUDIO).orElseThrow().periodDays());
        assertEquals(90, rules.ruleFor("standard", "US", DataClass.RAW_CALLER_AUDIO).orElseThrow().periodDays());
        assertEquals(90, rules.ruleFor("standard", null, DataClass.RAW_CALLER_AUDIO).orElseThrow().periodDays());
        assertEquals(365, rules.ruleFor("standard", "EU", DataClass.REDACTED_TRANSCRIPT).orElseThrow().periodDays(),
                "an override of one class leaves the others on their default");
        assertTrue(rules.ruleFor("legal", null, DataClass.RAW_CALLER_AUDIO).isEmpty(), "no rule: kept");
    }

    @Test
    void theDefaultsAreCoherent() {
        DefaultPolicies.standard().check();
    }

    @Test
    void deletingMetadataBeforeOtherDataIsDueIsRefused() {
        RetentionPolicies rules = DefaultPolicies.standard()
                .with(new RetentionPolicy("standard", DataClass.SESSION_METADATA, "*", 400, RetentionAction.DELETE));
        PolicyRejected refused = assertThrows(PolicyRejected.class, rules::check);
        assertTrue(refused.getMessage().contains("annotations"), refused.getMessage());
        rules.with(new RetentionPolicy("standard", DataClass.SESSION_METADATA, "*", 730, RetentionAction.DELETE)).check();
    }

    @Test
    void actionsMustSuitTheDataClass() {
        assertThrows(PolicyRejected.class,
                () -> new RetentionPolicy("standard", DataClass.REDACTED_TRANSCRIPT, "*", 10, RetentionAction.CRYPTO_SHRED));
        assertThrows(PolicyRejected.class,
                () -> new RetentionPolicy("standard", DataClass.ANNOTATIONS, "*", 0, RetentionAction.DELETE));
        assertThrows(PolicyRejected.class,
                () -> new RetentionPolicy("std'; drop", DataClass.ANNOTATIONS, "*", 10, RetentionAction.DELETE));
        assertThrows(PolicyRejected.class,
                () -> new RetentionPolicy("standard", DataClass.ANNOTATIONS, "E'U", 10, RetentionAction.DELETE));
        assertEquals("EU", new RetentionPolicy("standard", DataClass.ANNOTATIONS, " eu ", 10, RetentionAction.DELETE).jurisdiction());
    }

    @Test
    void removingAnOverrideKeepsTheRest() {
        RetentionPolicies rules = DefaultPolicies.standard().without("standard", DataClass.RAW_CALLER_AUDIO, "EU");
        assertEquals(90, rules.ruleFor("standard", "EU", DataClass.RAW_CALLER_AUDIO).orElseThrow().periodDays());
        assertEquals(DefaultPolicies.standard().all().size() - 1, rules.all().size());
        assertEquals(rules, new RetentionPolicies(List.copyOf(rules.all())));
    }
}
