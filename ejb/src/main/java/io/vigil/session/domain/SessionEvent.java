package io.vigil.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something that happened in a call at a time offset: a barge-in, a tool call, a latency figure. */
@Entity
@Table(name = "session_event")
public class SessionEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private SessionEventType type;

    @Column(name = "at_ms", nullable = false)
    private int atMs;

    /** A JSON object whose fields depend on {@link #type}; see {@link SessionEventType}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private String payload;

    protected SessionEvent() {
        // for JPA
    }

    public SessionEvent(UUID tenantId, UUID sessionId, SessionEventType type, int atMs, String payloadJson) {
        if (atMs < 0) {
            throw new IllegalArgumentException("event time must not be negative");
        }
        this.tenantId = Objects.requireNonNull(tenantId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.type = Objects.requireNonNull(type);
        this.atMs = atMs;
        this.payload = Objects.requireNonNull(payloadJson);
    }

    public Long id() { return id; }
    public UUID sessionId() { return sessionId; }
    public SessionEventType type() { return type; }
    public int atMs() { return atMs; }
    public String payload() { return payload; }
}
