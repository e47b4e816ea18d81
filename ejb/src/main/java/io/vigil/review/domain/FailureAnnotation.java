package io.vigil.review.domain;

import io.vigil.session.domain.CallSession;
import io.vigil.session.domain.Severity;
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
 * A supervisor's mark on a call's timeline: where the agent failed (a {@link FailureCategory} of the tenant's
 * taxonomy, by code), how badly, over which stretch of the call, and a note. Visible to the whole team; only its
 * author may change or remove it. The range lies within the call; a new or changed category must be one supervisors
 * may still pick (not retired).
 */
@Entity
@Table(name = "annotation")
public class FailureAnnotation {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;

    /** The failure category's code; the column keeps its first name. */
    @Column(name = "type", nullable = false, length = 48)
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Severity severity;

    @Column(name = "start_ms", nullable = false)
    private int startMs;

    @Column(name = "end_ms", nullable = false)
    private int endMs;

    @Column(columnDefinition = "text")
    private String note;

    @Column(name = "author_id", nullable = false, length = 128, updatable = false)
    private String authorId;

    @Column(name = "author_name", nullable = false, length = 200, updatable = false)
    private String authorName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FailureAnnotation() {
        // for JPA
    }

    private FailureAnnotation(UUID id, CallSession call, Reviewer author, Instant at) {
        this.id = Objects.requireNonNull(id);
        this.tenantId = call.tenantId();
        this.sessionId = call.id();
        this.authorId = author.userId();
        this.authorName = author.name();
        this.createdAt = Objects.requireNonNull(at);
    }

    /** A supervisor marks a failure on a call. */
    public static FailureAnnotation mark(UUID id, CallSession call, Reviewer author, FailureCategory category,
                                         Severity severity, CallSpan span, String note, Instant at) {
        author.require(ReviewRole.SUPERVISOR, "annotate calls");
        FailureAnnotation annotation = new FailureAnnotation(id, call, author, at);
        annotation.describe(call, category, severity, span, note, at);
        return annotation;
    }

    /** The author corrects their annotation. */
    public void revise(Reviewer editor, CallSession call, FailureCategory newCategory, Severity newSeverity,
                       CallSpan span, String newNote, Instant at) {
        requireAuthor(editor, "change");
        if (!call.id().equals(sessionId)) {
            throw new IllegalArgumentException("an annotation stays on its call");
        }
        describe(call, newCategory, newSeverity, span, newNote, at);
    }

    /** Refuses anyone but the author; the service removes the annotation once this passes. */
    public void requireAuthor(Reviewer editor, String what) {
        if (!writtenBy(editor)) {
            throw new NotPermittedException("Only " + authorName + ", who wrote this annotation, can " + what
                    + " it. Add your own annotation instead.");
        }
    }

    public boolean writtenBy(Reviewer reviewer) {
        return reviewer.isSamePersonAs(authorId);
    }

    private void describe(CallSession call, FailureCategory newCategory, Severity newSeverity, CallSpan span,
                          String newNote, Instant at) {
        if (newCategory == null) {
            throw new ReviewInputException("Choose what went wrong: a failure category.");
        }
        // a retired category may stay on an annotation that has it, but is not picked anew
        if (!newCategory.active() && !newCategory.code().equals(category)) {
            throw new ReviewInputException("The category \"" + newCategory.label() + "\" was retired by an"
                    + " administrator; choose another one.");
        }
        if (newSeverity == null) {
            throw new ReviewInputException("Choose how bad the failure is: a severity.");
        }
        CallSpan checked = span.within(call);
        String text = FlagCase.optionalNote(newNote);
        this.category = newCategory.code();
        this.severity = newSeverity;
        this.startMs = checked.startMs();
        this.endMs = checked.endMs();
        this.note = text;
        this.updatedAt = Objects.requireNonNull(at);
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public UUID sessionId() { return sessionId; }
    public String category() { return category; }
    public Severity severity() { return severity; }
    public int startMs() { return startMs; }
    public int endMs() { return endMs; }
    public CallSpan span() { return new CallSpan(startMs, endMs); }
    public String note() { return note; }
    public String authorId() { return authorId; }
    public String authorName() { return authorName; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
