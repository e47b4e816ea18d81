package io.vigil.retention.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.retention.DueRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueRuleTest {

    private static final Instant AS_OF = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void eachClassAndActionInUseIsOneRule() {
        List<DueRule> rules = DueRule.of(DefaultPolicies.standard(), AS_OF);
        assertEquals(8, rules.size());
        assertEquals(DataClass.SESSION_METADATA, rules.get(rules.size() - 1).dataClass(), "metadata goes last");
    }

    @Test
    void theDefaultRuleLeavesOverriddenJurisdictionsToTheirOverride() {
        DueRule audio = new DueRule(DataClass.RAW_CALLER_AUDIO, RetentionAction.CRYPTO_SHRED, AS_OF, DefaultPolicies.standard());
        String sql = audio.callIsDue("c");
        assertTrue(sql.contains("upper(c.jurisdiction) = 'EU' AND c.ended_at <= TIMESTAMPTZ '2026-10-27 08:00:00.000000+00'"), sql);
        assertTrue(sql.contains("(c.jurisdiction IS NULL OR upper(c.jurisdiction) NOT IN ('EU')) AND c.ended_at <= TIMESTAMPTZ '2026-08-28 08:00:00.000000+00'"), sql);
        assertEquals(Duration.ofDays(30), audio.period("standard", "EU").orElseThrow());
        DueRule transcript = new DueRule(DataClass.REDACTED_TRANSCRIPT, RetentionAction.DELETE, AS_OF, DefaultPolicies.standard());
        assertTrue(transcript.callIsDue("x").contains("x.retention_class = 'standard' AND TRUE AND x.ended_at <="),
                transcript.callIsDue("x"));
    }

    @Test
    void anActionNoRuleUsesIsNeverDue() {
        DueRule none = new DueRule(DataClass.ANNOTATIONS, RetentionAction.ANONYMISE, AS_OF, DefaultPolicies.standard());
        assertEquals("FALSE", none.callIsDue("c"));
        assertTrue(none.period("standard", null).isEmpty());
    }

    @Test
    void anOverrideWithAnotherActionSplitsTheClass() {
        RetentionPolicies rules = DefaultPolicies.standard()
                .with(new RetentionPolicy("standard", DataClass.RAW_CALLER_AUDIO, "EU", 30, RetentionAction.DELETE));
        DueRule shred = new DueRule(DataClass.RAW_CALLER_AUDIO, RetentionAction.CRYPTO_SHRED, AS_OF, rules);
        DueRule delete = new DueRule(DataClass.RAW_CALLER_AUDIO, RetentionAction.DELETE, AS_OF, rules);
        assertTrue(!shred.callIsDue("c").contains("= 'EU'"), shred.callIsDue("c"));
        assertTrue(delete.callIsDue("c").contains("= 'EU'") && !delete.callIsDue("c").contains("NOT IN"), delete.callIsDue("c"));
    }

    @Test
    void anArtifactMadeLaterCountsFromItsOwnInstant() {
        DueRule exports = new DueRule(DataClass.EXPORTS, RetentionAction.DELETE, AS_OF, DefaultPolicies.standard());
        String sql = exports.dueSince("c", "e.finished_at");
        assertTrue(sql.contains("e.finished_at <= TIMESTAMPTZ '2025-11-26 08:00:00.000000+00'"), sql);
        assertTrue(!sql.contains("ended_at"), sql);
        assertEquals(exports.dueSince("c", "c.ended_at"), exports.callIsDue("c"));
    }
}
