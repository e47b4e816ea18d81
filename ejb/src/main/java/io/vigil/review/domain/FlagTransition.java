package io.vigil.review.domain;

import io.vigil.session.domain.FlagState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One step in a flag's review, kept for audit: who did what, when, from which state to which, and why.
 * Written once and never changed. {@code from} is empty only for a flag a person raised (the first entry).
 * {@code detail} names the object of the action ("to Sam Okafor", "CONFIRMED", "to LEGAL"); {@code note} is the
 * reviewer's own words.
 */
@Entity
@Table(name = "flag_transition")
public class FlagTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "flag_id", nullable = false, updatable = false)
    private UUID flagId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24, updatable = false)
    private ReviewAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 16, updatable = false)
    private FlagState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 16, updatable = false)
    private FlagState to;

    @Column(name = "actor_id", nullable = false, length = 128, updatable = false)
    private String actorId;

    @Column(name = "actor_name", nullable = false, length = 200, updatable = false)
    private String actorName;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(length = 300, updatable = false)
    private String detail;

    @Column(columnDefinition = "text", updatable = false)
    private String note;

    protected FlagTransition() {
        // for JPA
    }

    FlagTransition(UUID tenantId, UUID flagId, ReviewAction action, FlagState from, FlagState to, Reviewer actor,
                   Instant at, String detail, String note) {
        this.tenantId = Objects.requireNonNull(tenantId);
        this.flagId = Objects.requireNonNull(flagId);
        this.action = Objects.requireNonNull(action);
        if (from == null && action != ReviewAction.RAISE) {
            throw new IllegalArgumentException("only raising a flag starts from no state");
        }
        this.from = from;
        this.to = Objects.requireNonNull(to);
        this.actorId = actor.userId();
        this.actorName = actor.name();
        this.at = Objects.requireNonNull(at);
        this.detail = detail;
        this.note = note == null || note.isBlank() ? null : note.strip();
    }

    public Long id() { return id; }
    public UUID tenantId() { return tenantId; }
    public UUID flagId() { return flagId; }
    public ReviewAction action() { return action; }
    public FlagState from() { return from; }
    public FlagState to() { return to; }
    public String actorId() { return actorId; }
    public String actorName() { return actorName; }
    public Instant at() { return at; }
    public String detail() { return detail; }
    public String note() { return note; }

    /** "Dana Reyes claimed", "Sam Okafor assigned to Dana Reyes". */
    public String summary() {
        return actorName + " " + action.pastTense() + (detail == null ? "" : " " + detail);
    }
}
