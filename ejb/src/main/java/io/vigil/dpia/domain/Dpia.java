package io.vigil.dpia.domain;

import io.vigil.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of a data protection impact assessment. Lifecycle: {@link DpiaState#DRAFT} (editors write) →
 * {@link DpiaState#IN_REVIEW} (submitted, complete enough) → {@link DpiaState#APPROVED} or
 * {@link DpiaState#REFUSED} by a compliance officer who is neither its author nor its submitter. A decided version
 * never changes again (the database refuses it too); {@link #nextVersion} starts the next one from its content.
 * Approval keeps the configuration facts the assessment relied on, so later changes show as drift.
 */
@Entity
@Table(name = "dpia")
public class Dpia {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(name = "series_id", nullable = false)
    private UUID seriesId;
    @Column(nullable = false)
    private int version;
    @Column(name = "processing_record_id")
    private UUID processingRecordId;
    @Column(nullable = false, length = 200)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DpiaState state;
    @Column(nullable = false)
    private String content;
    @Column(name = "author_id", nullable = false)
    private String authorId;
    @Column(name = "author_name", nullable = false)
    private String authorName;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_by_name")
    private String decidedByName;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_note")
    private String decisionNote;
    @Column(name = "facts")
    private String facts;
    @Column(name = "facts_fingerprint")
    private String factsFingerprint;
    @Version
    @Column(name = "row_version", nullable = false)
    private int rowVersion;

    protected Dpia() {
        // for JPA
    }

    private Dpia(UUID id, UUID tenantId, UUID seriesId, int version, UUID processingRecordId, String title,
                 DpiaContent content, DpiaActor author, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.seriesId = Objects.requireNonNull(seriesId);
        this.version = version;
        this.processingRecordId = processingRecordId;
        this.title = requireTitle(title);
        this.state = DpiaState.DRAFT;
        this.content = content.toJson();
        this.authorId = author.userId();
        this.authorName = author.name();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new assessment (version 1) in draft. */
    public static Dpia draft(UUID id, TenantId tenant, UUID processingRecordId, String title, DpiaContent content,
                             DpiaActor author, Instant now) {
        author.requireEditor("start a DPIA");
        return new Dpia(id, tenant.value(), id, 1, processingRecordId, title, content, author, now);
    }

    private static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new DpiaException.Invalid("give the DPIA a title, e.g. the processing it assesses");
        }
        if (title.length() > 200) {
            throw new DpiaException.Invalid("the title is longer than 200 characters; shorten it");
        }
        return title.strip();
    }

    private void requireOpen(String action) {
        if (state.decided()) {
            throw new DpiaException.WrongState("version " + version + " of this DPIA is " + state.label().toLowerCase()
                    + " and frozen; start a new version to " + action);
        }
    }

    /** Replaces the title and content of a draft. */
    public void edit(DpiaActor actor, String newTitle, DpiaContent newContent, Instant now) {
        actor.requireEditor("edit a DPIA");
        requireOpen("change it");
        if (state != DpiaState.DRAFT) {
            throw new DpiaException.WrongState("this DPIA is in review; a reviewer refuses it (with a reason) so"
                    + " that a new version can be written");
        }
        this.title = requireTitle(newTitle);
        this.content = newContent.toJson();
        this.updatedAt = now;
    }

    public void submit(DpiaActor actor, Instant now) {
        actor.requireEditor("submit a DPIA for review");
        if (state != DpiaState.DRAFT) {
            throw new DpiaException.WrongState("only a draft can be submitted; this version is " + state.label().toLowerCase());
        }
        List<String> missing = content().missingForReview();
        if (!missing.isEmpty()) {
            throw new DpiaException.Invalid("fill in before submitting: " + String.join(", ", missing));
        }
        this.state = DpiaState.IN_REVIEW;
        this.submittedBy = actor.userId();
        this.submittedAt = now;
        this.updatedAt = now;
    }

    /** Approves and freezes this version, keeping the configuration {@code relied} on. */
    public void approve(DpiaActor actor, String note, ConfigurationFacts relied, Instant now) {
        requireDecider(actor, "approve");
        if (content().getDpoOpinion().isBlank()) {
            throw new DpiaException.Invalid("record the DPO's opinion (validation section) before approving");
        }
        decide(DpiaState.APPROVED, actor, note, now);
        this.facts = relied.toJson();
        this.factsFingerprint = relied.fingerprint();
    }

    public void refuse(DpiaActor actor, String reason, Instant now) {
        requireDecider(actor, "refuse");
        if (reason == null || reason.isBlank()) {
            throw new DpiaException.Invalid("say why the DPIA is refused, so that its next version can address it");
        }
        decide(DpiaState.REFUSED, actor, reason, now);
    }

    private void requireDecider(DpiaActor actor, String verb) {
        actor.requireAny(verb + " a DPIA", DpiaRole.COMPLIANCE_OFFICER);
        if (state != DpiaState.IN_REVIEW) {
            throw new DpiaException.WrongState("only a DPIA in review can be decided; this version is "
                    + state.label().toLowerCase());
        }
        if (actor.userId().equals(authorId) || actor.userId().equals(submittedBy)) {
            throw new DpiaException.NotPermitted(actor.name() + " wrote or submitted this DPIA and cannot " + verb
                    + " it; another compliance officer must decide (four eyes)");
        }
    }

    private void decide(DpiaState to, DpiaActor actor, String note, Instant now) {
        this.state = to;
        this.decidedBy = actor.userId();
        this.decidedByName = actor.name();
        this.decidedAt = now;
        this.decisionNote = note == null || note.isBlank() ? null : DpiaContent.text(note.strip());
        this.updatedAt = now;
    }

    /**
     * The next version of a decided assessment, in draft, written by {@code actor}: same series and content; the
     * DPO's opinion and the decision are cleared, since they were about the previous version.
     */
    public Dpia nextVersion(UUID newId, DpiaActor actor, Instant now) {
        actor.requireEditor("start a new version of a DPIA");
        if (!state.decided()) {
            throw new DpiaException.WrongState("this version is still " + state.label().toLowerCase()
                    + "; edit it instead of starting a new one");
        }
        DpiaContent next = content();
        next.setDpoOpinion("");
        next.setDecision("");
        return new Dpia(newId, tenantId, seriesId, version + 1, processingRecordId, title, next, actor, now);
    }

    public DpiaContent content() {
        return DpiaContent.fromJson(content);
    }

    /** The facts kept at approval; empty for a version that was never approved. */
    public java.util.Optional<ConfigurationFacts> reliedFacts() {
        return facts == null ? java.util.Optional.empty() : java.util.Optional.of(ConfigurationFacts.fromJson(facts));
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public UUID seriesId() { return seriesId; }
    public int version() { return version; }
    public UUID processingRecordId() { return processingRecordId; }
    public String title() { return title; }
    public DpiaState state() { return state; }
    public String authorId() { return authorId; }
    public String authorName() { return authorName; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public String submittedBy() { return submittedBy; }
    public Instant submittedAt() { return submittedAt; }
    public String decidedBy() { return decidedBy; }
    public String decidedByName() { return decidedByName; }
    public Instant decidedAt() { return decidedAt; }
    public String decisionNote() { return decisionNote; }
    public String factsFingerprint() { return factsFingerprint; }
}
