package io.vigil.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A reason for a person to review a call, with the evidence that raised it and the time in the call it points to.
 * Its due time follows from its severity when it is raised.
 */
@Entity
@Table(name = "flag")
public class Flag {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private FlagReason reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private FlagState state;

    @Column(nullable = false, columnDefinition = "text")
    private String evidence;

    @Column(name = "at_ms", nullable = false)
    private int atMs;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    protected Flag() {
        // for JPA
    }

    private Flag(UUID id, CallSession session, FlagReason reason, Severity severity, String evidence, int atMs,
                 Instant raisedAt) {
        this.id = Objects.requireNonNull(id);
        this.tenantId = session.tenantId();
        this.sessionId = session.id();
        this.reason = Objects.requireNonNull(reason);
        this.severity = Objects.requireNonNull(severity);
        this.evidence = Objects.requireNonNull(evidence);
        this.atMs = atMs;
        this.raisedAt = Objects.requireNonNull(raisedAt);
        this.dueAt = raisedAt.plus(severity.reviewWithin());
        this.state = FlagState.OPEN;
    }

    /** Raises a flag on a session and counts it there, so the calls list can filter flagged calls cheaply. */
    public static Flag raise(UUID id, CallSession session, FlagReason reason, Severity severity, String evidence,
                             int atMs, Instant raisedAt) {
        Flag flag = new Flag(id, session, reason, severity, evidence, atMs, raisedAt);
        session.flagged();
        return flag;
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public UUID sessionId() { return sessionId; }
    public FlagReason reason() { return reason; }
    public Severity severity() { return severity; }
    public FlagState state() { return state; }
    public String evidence() { return evidence; }
    public int atMs() { return atMs; }
    public Instant raisedAt() { return raisedAt; }
    public Instant dueAt() { return dueAt; }
}
