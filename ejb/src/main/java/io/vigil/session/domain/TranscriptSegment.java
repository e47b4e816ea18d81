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

/** One turn of speech, with its place in the call. The text is as stored: redacted before it reaches the database. */
@Entity
@Table(name = "transcript_segment")
public class TranscriptSegment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @Column(nullable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Speaker speaker;

    @Column(name = "start_ms", nullable = false)
    private int startMs;

    @Column(name = "end_ms", nullable = false)
    private int endMs;

    @Column(nullable = false, columnDefinition = "text")
    private String text;

    protected TranscriptSegment() {
        // for JPA
    }

    public TranscriptSegment(UUID tenantId, UUID sessionId, int seq, Speaker speaker, int startMs, int endMs,
                             String text) {
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("segment times must satisfy 0 <= start <= end");
        }
        this.tenantId = Objects.requireNonNull(tenantId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.seq = seq;
        this.speaker = Objects.requireNonNull(speaker);
        this.startMs = startMs;
        this.endMs = endMs;
        this.text = Objects.requireNonNull(text);
    }

    public Long id() { return id; }
    public UUID sessionId() { return sessionId; }
    public int seq() { return seq; }
    public Speaker speaker() { return speaker; }
    public int startMs() { return startMs; }
    public int endMs() { return endMs; }
    public String text() { return text; }
}
