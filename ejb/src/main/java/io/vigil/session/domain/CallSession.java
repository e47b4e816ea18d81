package io.vigil.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One call between a caller and a voice agent: the aggregate everything else (transcript, events, flags,
 * recordings) hangs off. A session starts LIVE and ends once; consent and disclosure move only forward.
 * The caller is stored only as a keyed hash, so the same caller can be found again without keeping the number.
 */
@Entity
@Table(name = "call_session")
public class CallSession {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agent_profile_id", nullable = false)
    private AgentProfile agentProfile;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Channel channel;

    @Column(name = "caller_ref_hash", nullable = false, length = 64)
    private String callerRefHash;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SessionStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_state", nullable = false, length = 16)
    private ConsentState consentState;

    @Enumerated(EnumType.STRING)
    @Column(name = "disclosure_state", nullable = false, length = 16)
    private DisclosureState disclosureState;

    @Column(name = "retention_class", nullable = false, length = 32)
    private String retentionClass;

    @Column(name = "flag_count", nullable = false)
    private int flagCount;

    protected CallSession() {
        // for JPA
    }

    private CallSession(UUID id, UUID tenantId, AgentProfile agentProfile, Channel channel, String callerRefHash,
                        Instant startedAt, String retentionClass) {
        this.id = Objects.requireNonNull(id);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.agentProfile = Objects.requireNonNull(agentProfile);
        if (!agentProfile.tenantId().equals(tenantId)) {
            throw new IllegalArgumentException("agent profile belongs to another tenant");
        }
        this.channel = Objects.requireNonNull(channel);
        this.callerRefHash = Objects.requireNonNull(callerRefHash);
        this.startedAt = Objects.requireNonNull(startedAt);
        this.retentionClass = Objects.requireNonNull(retentionClass);
        this.status = SessionStatus.LIVE;
        this.consentState = ConsentState.PENDING;
        this.disclosureState = DisclosureState.PENDING;
    }

    public static CallSession start(UUID id, UUID tenantId, AgentProfile agentProfile, Channel channel,
                                    String callerRefHash, Instant startedAt, String retentionClass) {
        return new CallSession(id, tenantId, agentProfile, channel, callerRefHash, startedAt, retentionClass);
    }

    public void disclosureDelivered() {
        requireLive();
        disclosureState = DisclosureState.DELIVERED;
    }

    public void consent(boolean given) {
        requireLive();
        if (consentState != ConsentState.PENDING) {
            throw new IllegalStateException("consent was already " + consentState);
        }
        consentState = given ? ConsentState.GIVEN : ConsentState.REFUSED;
    }

    public void end(Instant at, SessionStatus outcome) {
        requireLive();
        if (outcome == SessionStatus.LIVE) {
            throw new IllegalArgumentException("a session ends in a final status");
        }
        if (at.isBefore(startedAt)) {
            throw new IllegalArgumentException("a session cannot end before it started");
        }
        endedAt = at;
        durationMs = Duration.between(startedAt, at).toMillis();
        status = outcome;
    }

    public void flagged() {
        flagCount++;
    }

    private void requireLive() {
        if (status != SessionStatus.LIVE) {
            throw new IllegalStateException("session " + id + " has ended");
        }
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public AgentProfile agentProfile() { return agentProfile; }
    public Channel channel() { return channel; }
    public String callerRefHash() { return callerRefHash; }
    public Instant startedAt() { return startedAt; }
    public Instant endedAt() { return endedAt; }
    public Long durationMs() { return durationMs; }
    public SessionStatus status() { return status; }
    public ConsentState consentState() { return consentState; }
    public DisclosureState disclosureState() { return disclosureState; }
    public String retentionClass() { return retentionClass; }
    public int flagCount() { return flagCount; }
}
