package io.vigil.dpia.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What Vigil's live configuration says about a tenant's processing, gathered in one go: the upstream model of each
 * agent profile (its newest version), the retention period of each data class, the key of each data domain, the
 * personal data types redaction removes, and how recordings are encrypted. Records of processing are pre-filled
 * from it; a DPIA's approval keeps its {@link #facts()}.
 */
public record ConfigurationSnapshot(List<AgentEndpoint> agents, List<RetentionPeriod> retention,
                                    List<KeyInUse> keys, List<String> redactedEntityTypes, String encryption) {

    public ConfigurationSnapshot {
        agents = List.copyOf(agents);
        retention = List.copyOf(retention);
        keys = List.copyOf(keys);
        redactedEntityTypes = List.copyOf(redactedEntityTypes);
    }

    /**
     * One fact per agent, data class, key domain and redacted entity type, so that a change names exactly what
     * changed: an entity type that stops being redacted is a fact that disappears.
     */
    public ConfigurationFacts facts() {
        List<ConfigurationFact> facts = new ArrayList<>();
        for (AgentEndpoint a : agents) {
            facts.add(new ConfigurationFact("upstream." + a.agentName(), "Upstream model of agent " + a.agentName(),
                    a.describe()));
        }
        for (RetentionPeriod r : retention) {
            facts.add(new ConfigurationFact("retention." + r.dataClass(), "Retention of " + r.dataClass(), r.describe()));
        }
        for (KeyInUse k : keys) {
            facts.add(new ConfigurationFact("keys." + k.domain(), "Key provider of the " + k.domain() + " key",
                    k.describe()));
        }
        for (String type : redactedEntityTypes) {
            facts.add(new ConfigurationFact("redaction." + type, "Redaction of " + type, "redacted before storage"));
        }
        facts.add(new ConfigurationFact("encryption.recordings", "Encryption of recordings", encryption));
        return ConfigurationFacts.of(facts);
    }

    /** The distinct providers of the upstream models: the processors every record of processing must name. */
    public List<String> modelProviders() {
        return agents.stream().map(AgentEndpoint::provider).distinct().toList();
    }
}
