package io.vigil.retention;

import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.retention.domain.RetentionPolicies;
import io.vigil.retention.domain.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When the artifacts of one data class are due for one action, as of one instant: what a sweep hands each
 * {@link ExpiringArtifacts} contributor. A call's artifact is due when the call ended at least the rule's period
 * before {@link #asOf()}, under the rule for the call's retention class and jurisdiction (an override of its
 * jurisdiction, else the default). Calls whose class has no rule never fall due.
 *
 * <p>{@link #callIsDue(String)} renders this as an SQL predicate over a {@code call_session} alias, with the
 * cut-off instants as literals (the codes in it are validated by {@link RetentionPolicy}), so contributors can add
 * it to their own queries; {@link #notHeld(String)} is the matching legal-hold filter.
 */
public final class DueRule {

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'")
            .withZone(ZoneOffset.UTC);

    private final DataClass dataClass;
    private final RetentionAction action;
    private final Instant asOf;
    private final RetentionPolicies policies;

    public DueRule(DataClass dataClass, RetentionAction action, Instant asOf, RetentionPolicies policies) {
        this.dataClass = dataClass;
        this.action = action;
        this.asOf = asOf;
        this.policies = policies;
    }

    /** The (data class, action) pairs the policies use, each once: the work of one sweep. */
    public static List<DueRule> of(RetentionPolicies policies, Instant asOf) {
        List<DueRule> rules = new ArrayList<>();
        for (DataClass dataClass : DataClass.values()) {
            for (RetentionAction action : RetentionAction.values()) {
                boolean used = policies.all().stream().anyMatch(p -> p.dataClass() == dataClass && p.action() == action);
                if (used) {
                    rules.add(new DueRule(dataClass, action, asOf, policies));
                }
            }
        }
        return rules;
    }

    public DataClass dataClass() {
        return dataClass;
    }

    public RetentionAction action() {
        return action;
    }

    public Instant asOf() {
        return asOf;
    }

    /** The period for a call of this class and jurisdiction under this rule's action; empty if another action (or none) applies. */
    public Optional<Duration> period(String retentionClass, String jurisdiction) {
        return policies.ruleFor(retentionClass, jurisdiction, dataClass).filter(r -> r.action() == action)
                .map(r -> Duration.ofDays(r.periodDays()));
    }

    /** An SQL predicate: the call {@code c} (a {@code call_session} alias) has this class of data due for this action. */
    public String callIsDue(String c) {
        return dueSince(c, c + ".ended_at");
    }

    /**
     * An SQL predicate: the rule's period for the call {@code c} (its class and jurisdiction) has passed since the
     * instant {@code since} (an SQL expression), under this rule's action. For artifacts made after their call
     * ended, such as an export, whose clock starts when they were made.
     */
    public String dueSince(String c, String since) {
        List<String> terms = new ArrayList<>();
        for (String retentionClass : policies.retentionClasses()) {
            Set<String> overridden = policies.overriddenJurisdictions(retentionClass);
            for (RetentionPolicy rule : policies.all()) {
                if (!rule.retentionClass().equals(retentionClass) || rule.dataClass() != dataClass) {
                    continue;
                }
                // an override for another data class still makes its jurisdiction's calls use the default here
                String jurisdiction;
                if (rule.isOverride()) {
                    jurisdiction = "upper(" + c + ".jurisdiction) = " + quote(rule.jurisdiction());
                } else {
                    List<String> own = overridden.stream().filter(j -> policies.find(retentionClass, dataClass, j).isPresent())
                            .map(DueRule::quote).toList();
                    jurisdiction = own.isEmpty() ? "TRUE"
                            : "(" + c + ".jurisdiction IS NULL OR upper(" + c + ".jurisdiction) NOT IN (" + String.join(", ", own) + "))";
                }
                if (rule.action() != action) {
                    continue;
                }
                terms.add("(" + c + ".retention_class = " + quote(retentionClass) + " AND " + jurisdiction + " AND "
                        + since + " <= TIMESTAMPTZ '" + LITERAL.format(asOf.minus(Duration.ofDays(rule.periodDays())))
                        + "')");
            }
        }
        return terms.isEmpty() ? "FALSE" : "(" + String.join(" OR ", terms) + ")";
    }

    /** An SQL predicate: the call whose id is the column {@code sessionId} is under no live legal hold. */
    public static String notHeld(String sessionId) {
        return "NOT " + held(sessionId);
    }

    /** An SQL predicate: the call whose id is the column {@code sessionId} is under a live legal hold. */
    public static String held(String sessionId) {
        return "EXISTS (SELECT 1 FROM legal_hold_session lh WHERE lh.session_id = " + sessionId
                + " AND lh.released_at IS NULL)";
    }

    private static String quote(String code) {
        return "'" + code.replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return dataClass + "/" + action;
    }
}
