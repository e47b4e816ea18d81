package io.vigil.dpia.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration facts of one tenant at one moment, ordered by key. The fingerprint is SHA-256 over
 * {@code key=value\n} lines in key order (labels are for people and do not count), so two snapshots with the same
 * facts have the same fingerprint whatever order they were gathered in.
 */
public final class ConfigurationFacts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, ConfigurationFact> byKey;

    private ConfigurationFacts(Map<String, ConfigurationFact> byKey) {
        this.byKey = byKey;
    }

    public static ConfigurationFacts of(Collection<ConfigurationFact> facts) {
        TreeMap<String, ConfigurationFact> sorted = new TreeMap<>();
        for (ConfigurationFact f : facts) {
            if (sorted.put(f.key(), f) != null) {
                throw new IllegalArgumentException("two facts with the key " + f.key());
            }
        }
        return new ConfigurationFacts(java.util.Collections.unmodifiableMap(sorted));
    }

    public List<ConfigurationFact> all() {
        return List.copyOf(byKey.values());
    }

    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        byKey.values().forEach(f -> canonical.append(f.key()).append('=').append(f.value()).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** What is different in {@code this} (the live configuration) from {@code approved}, in key order. */
    public List<FactChange> changesSince(ConfigurationFacts approved) {
        TreeMap<String, FactChange> changes = new TreeMap<>();
        approved.byKey.forEach((key, before) -> {
            ConfigurationFact now = byKey.get(key);
            if (now == null) {
                changes.put(key, new FactChange(key, before.label(), before.value(), null));
            } else if (!now.value().equals(before.value())) {
                changes.put(key, new FactChange(key, now.label(), before.value(), now.value()));
            }
        });
        byKey.forEach((key, now) -> {
            if (!approved.byKey.containsKey(key)) {
                changes.put(key, new FactChange(key, now.label(), null, now.value()));
            }
        });
        return new ArrayList<>(changes.values());
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(all());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facts are plain strings", e);
        }
    }

    public static ConfigurationFacts fromJson(String json) {
        try {
            return of(JSON.readValue(json, new TypeReference<List<ConfigurationFact>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored fact list: " + e.getOriginalMessage(), e);
        }
    }

    public static String changesToJson(List<FactChange> changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("changes are plain strings", e);
        }
    }

    public static List<FactChange> changesFromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<FactChange>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored change list: " + e.getOriginalMessage(), e);
        }
    }

    /** Facts grouped by the part of their key before the first dot ({@code upstream}, {@code retention}, ...). */
    public Map<String, List<ConfigurationFact>> byGroup() {
        Map<String, List<ConfigurationFact>> groups = new LinkedHashMap<>();
        byKey.values().forEach(f -> groups.computeIfAbsent(f.key().split("\\.", 2)[0], g -> new ArrayList<>()).add(f));
        return groups;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigurationFacts other && byKey.equals(other.byKey);
    }

    @Override
    public int hashCode() {
        return byKey.hashCode();
    }
}
