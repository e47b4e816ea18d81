package io.vigil.dpia.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationFactsTest {

    static ConfigurationSnapshot snapshot(String model, int audioDays, String audioProvider, List<String> redacted) {
        return new ConfigurationSnapshot(
                List.of(new AgentEndpoint("Billing assistant", 2, model, "api.openai.com", "OpenAI")),
                List.of(new RetentionPeriod("raw caller audio", audioDays, "crypto-shred"),
                        new RetentionPeriod("redacted transcript", 365, "delete")),
                List.of(new KeyInUse("audio", audioProvider, "acme-audio"), new KeyInUse("transcript", "bcfks", "acme-transcript")),
                redacted, "AES-256-GCM");
    }

    private static final List<String> ALL = List.of("CREDIT_CARD", "PERSON", "US_SSN");

    @Test
    void theFingerprintIgnoresOrderAndLabelsButNotValues() {
        ConfigurationFacts facts = snapshot("gpt-realtime", 90, "bcfks", ALL).facts();
        List<ConfigurationFact> reversed = new ArrayList<>(facts.all());
        java.util.Collections.reverse(reversed);
        assertEquals(facts.fingerprint(), ConfigurationFacts.of(reversed).fingerprint());
        List<ConfigurationFact> relabelled = facts.all().stream()
                .map(f -> new ConfigurationFact(f.key(), "another label", f.value())).toList();
        assertEquals(facts.fingerprint(), ConfigurationFacts.of(relabelled).fingerprint());
        assertNotEquals(facts.fingerprint(), snapshot("gpt-realtime", 91, "bcfks", ALL).facts().fingerprint());
        assertEquals(64, facts.fingerprint().length());
    }

    @Test
    void changesNameEachFactWithItsOldAndNewValue() {
        ConfigurationFacts approved = snapshot("gpt-realtime", 90, "bcfks", ALL).facts();
        ConfigurationFacts now = snapshot("gpt-5-realtime", 365, "pkcs11", List.of("CREDIT_CARD", "US_SSN")).facts();

        List<FactChange> changes = now.changesSince(approved);

        assertEquals(4, changes.size(), changes.toString());
        assertTrue(changes.contains(new FactChange("upstream.Billing assistant", "Upstream model of agent Billing assistant",
                "gpt-realtime at api.openai.com (OpenAI)", "gpt-5-realtime at api.openai.com (OpenAI)")));
        assertTrue(changes.contains(new FactChange("retention.raw caller audio", "Retention of raw caller audio",
                "90 days, then crypto-shred", "365 days, then crypto-shred")));
        assertTrue(changes.contains(new FactChange("keys.audio", "Key provider of the audio key",
                "bcfks key acme-audio", "pkcs11 key acme-audio")));
        // an entity type no longer redacted is a fact that is gone
        assertTrue(changes.contains(new FactChange("redaction.PERSON", "Redaction of PERSON",
                "redacted before storage", null)));
        assertTrue(approved.changesSince(approved).isEmpty());
    }

    @Test
    void aNewAgentIsANewFact() {
        ConfigurationSnapshot base = snapshot("gpt-realtime", 90, "bcfks", ALL);
        List<AgentEndpoint> agents = new ArrayList<>(base.agents());
        agents.add(new AgentEndpoint("Claims", 1, "gpt-realtime", "example.azure.com", "Microsoft"));
        ConfigurationSnapshot more = new ConfigurationSnapshot(agents, base.retention(), base.keys(),
                base.redactedEntityTypes(), base.encryption());
        List<FactChange> changes = more.facts().changesSince(base.facts());
        assertEquals(1, changes.size());
        assertEquals(null, changes.get(0).before());
        assertTrue(changes.get(0).describe().contains("(not present) -> gpt-realtime at example.azure.com"));
    }

    @Test
    void factsAndChangesSurviveTheirJsonForm() {
        ConfigurationFacts facts = snapshot("gpt-realtime", 90, "bcfks", ALL).facts();
        assertEquals(facts, ConfigurationFacts.fromJson(facts.toJson()));
        List<FactChange> changes = snapshot("x", 1, "y", List.of()).facts().changesSince(facts);
        assertEquals(changes, ConfigurationFacts.changesFromJson(ConfigurationFacts.changesToJson(changes)));
    }
}
