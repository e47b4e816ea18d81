package io.vigil.retention.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tenant's retention rules, as a whole: which rule applies to a call's data, and whether the set is coherent.
 * The one coherence rule: deleting a call's metadata deletes whatever is left of the call, so a DELETE of
 * {@link DataClass#SESSION_METADATA} must not come before any other class of the same calls is due.
 */
public final class RetentionPolicies {

    /** The classes that go with the call's row when it is deleted (exports live apart from the call). */
    private static final Set<DataClass> CASCADED = EnumSet.complementOf(EnumSet.of(DataClass.SESSION_METADATA, DataClass.EXPORTS));

    private final List<RetentionPolicy> rules;

    public RetentionPolicies(List<RetentionPolicy> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<RetentionPolicy> all() {
        return rules.stream().sorted(Comparator.comparing(RetentionPolicy::retentionClass)
                .thenComparing(RetentionPolicy::dataClass).thenComparing(RetentionPolicy::jurisdiction)).toList();
    }

    /** The rule for a call of {@code retentionClass} in {@code jurisdiction} (null: none), if any. */
    public Optional<RetentionPolicy> ruleFor(String retentionClass, String jurisdiction, DataClass dataClass) {
        Optional<RetentionPolicy> override = jurisdiction == null ? Optional.empty() : rules.stream()
                .filter(r -> r.retentionClass().equals(retentionClass) && r.dataClass() == dataClass
                        && r.jurisdiction().equalsIgnoreCase(jurisdiction))
                .findFirst();
        return override.or(() -> rules.stream().filter(r -> r.retentionClass().equals(retentionClass)
                && r.dataClass() == dataClass && !r.isOverride()).findFirst());
    }

    public Set<String> retentionClasses() {
        TreeSet<String> classes = new TreeSet<>();
        rules.forEach(r -> classes.add(r.retentionClass()));
        return classes;
    }

    /** The jurisdictions that have an override in {@code retentionClass}, for any data class. */
    public Set<String> overriddenJurisdictions(String retentionClass) {
        TreeSet<String> codes = new TreeSet<>();
        rules.stream().filter(r -> r.retentionClass().equals(retentionClass) && r.isOverride())
                .forEach(r -> codes.add(r.jurisdiction()));
        return codes;
    }

    /** The rules with {@code rule} added or replacing the one with the same key. */
    public RetentionPolicies with(RetentionPolicy rule) {
        List<RetentionPolicy> next = new ArrayList<>(rules.stream().filter(r -> !sameKey(r, rule)).toList());
        next.add(rule);
        return new RetentionPolicies(next);
    }

    /** The rules without the override of {@code jurisdiction}; a default rule cannot be removed, only changed. */
    public RetentionPolicies without(String retentionClass, DataClass dataClass, String jurisdiction) {
        return new RetentionPolicies(rules.stream().filter(r -> !(r.retentionClass().equals(retentionClass)
                && r.dataClass() == dataClass && r.jurisdiction().equals(jurisdiction))).toList());
    }

    public Optional<RetentionPolicy> find(String retentionClass, DataClass dataClass, String jurisdiction) {
        return rules.stream().filter(r -> r.retentionClass().equals(retentionClass) && r.dataClass() == dataClass
                && r.jurisdiction().equals(jurisdiction)).findFirst();
    }

    /** Refuses a set in which deleting call metadata would take data that should be kept longer. */
    public void check() {
        for (String retentionClass : retentionClasses()) {
            List<String> jurisdictions = new ArrayList<>();
            jurisdictions.add(null);
            jurisdictions.addAll(overriddenJurisdictions(retentionClass));
            for (String jurisdiction : jurisdictions) {
                Optional<RetentionPolicy> metadata = ruleFor(retentionClass, jurisdiction, DataClass.SESSION_METADATA);
                if (metadata.isEmpty() || metadata.get().action() != RetentionAction.DELETE) {
                    continue;
                }
                int deleteAfter = metadata.get().periodDays();
                for (DataClass other : CASCADED) {
                    Optional<RetentionPolicy> rule = ruleFor(retentionClass, jurisdiction, other);
                    String where = "retention class " + retentionClass
                            + (jurisdiction == null ? "" : ", jurisdiction " + jurisdiction);
                    if (rule.isEmpty()) {
                        throw new PolicyRejected("Deleting session metadata after " + deleteAfter + " days (" + where
                                + ") would delete " + other.label().toLowerCase(java.util.Locale.ROOT)
                                + ", which has no retention rule: give it one first, or anonymise the metadata instead");
                    }
                    if (rule.get().periodDays() > deleteAfter) {
                        throw new PolicyRejected("Deleting session metadata after " + deleteAfter + " days (" + where
                                + ") would delete " + other.label().toLowerCase(java.util.Locale.ROOT) + " before its "
                                + rule.get().periodDays() + " days are over: keep the metadata at least that long, or"
                                + " anonymise it instead");
                    }
                }
            }
        }
    }

    private static boolean sameKey(RetentionPolicy a, RetentionPolicy b) {
        return a.retentionClass().equals(b.retentionClass()) && a.dataClass() == b.dataClass()
                && a.jurisdiction().equals(b.jurisdiction());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetentionPolicies p && new java.util.HashSet<>(p.rules).equals(new java.util.HashSet<>(rules));
    }

    @Override
    public int hashCode() {
        return Objects.hash(new java.util.HashSet<>(rules));
    }
}
