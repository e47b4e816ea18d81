package io.vigil.review.domain;

import static io.vigil.session.domain.FlagState.ESCALATED;
import static io.vigil.session.domain.FlagState.IN_REVIEW;
import static io.vigil.session.domain.FlagState.OPEN;
import static io.vigil.session.domain.FlagState.PENDING_APPROVAL;
import static io.vigil.session.domain.FlagState.RESOLVED;

import io.vigil.session.domain.Flag;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A flag as a compliance case: the review side of a row of {@code flag}. The pipeline (or a supervisor) raises a
 * {@link Flag}; this class owns what happens next and maps the same row, reading the raising columns and writing
 * only the review columns. It is never inserted itself.
 *
 * <p>Lifecycle:
 * <pre>
 *   OPEN --claim/assign--> IN_REVIEW --release--> OPEN
 *   IN_REVIEW --assign--> IN_REVIEW (another compliance officer)
 *   IN_REVIEW --resolve--> RESOLVED                        (LOW, MEDIUM)
 *   IN_REVIEW --resolve--> PENDING_APPROVAL --approve--> RESOLVED   (HIGH, CRITICAL: four eyes)
 *                          PENDING_APPROVAL --reject---> IN_REVIEW  (back to whoever resolved it)
 *   IN_REVIEW --escalate--> ESCALATED --conclude--> RESOLVED   (by legal or security)
 * </pre>
 * Invariants: a flag in review has an assignee; only the assignee releases, resolves or escalates it; resolving,
 * rejecting and concluding need a note; whoever resolved a high-severity flag cannot approve it, and whoever
 * escalated one cannot conclude it. Every method that changes the case returns the {@link FlagTransition} that
 * records it, for the caller to store. A refused action changes nothing.
 */
@Entity
@Table(name = "flag")
public class FlagCase {

    public static final int MAX_NOTE_LENGTH = 4_000;

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, insertable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "session_id", nullable = false, insertable = false, updatable = false)
    private UUID sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32, insertable = false, updatable = false)
    private FlagReason reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, insertable = false, updatable = false)
    private Severity severity;

    @Column(nullable = false, columnDefinition = "text", insertable = false, updatable = false)
    private String evidence;

    @Column(name = "at_ms", nullable = false, insertable = false, updatable = false)
    private int atMs;

    @Column(name = "raised_at", nullable = false, insertable = false, updatable = false)
    private Instant raisedAt;

    @Column(name = "due_at", nullable = false, insertable = false, updatable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, insertable = false)
    private FlagState state;

    @Column(name = "assignee_id", length = 128, insertable = false)
    private String assigneeId;

    @Column(name = "assignee_name", length = 200, insertable = false)
    private String assigneeName;

    @Enumerated(EnumType.STRING)
    @Column(length = 24, insertable = false)
    private Disposition disposition;

    @Column(name = "resolution_note", columnDefinition = "text", insertable = false)
    private String resolutionNote;

    @Column(name = "resolved_by", length = 128, insertable = false)
    private String resolvedBy;

    @Column(name = "approved_by", length = 128, insertable = false)
    private String approvedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalated_to", length = 16, insertable = false)
    private EscalationTarget escalatedTo;

    @Column(name = "escalated_by", length = 128, insertable = false)
    private String escalatedBy;

    @Version
    @Column(nullable = false)
    private int version;

    protected FlagCase() {
        // for JPA
    }

    private FlagCase(Flag flag) {
        this.id = flag.id();
        this.tenantId = flag.tenantId();
        this.sessionId = flag.sessionId();
        this.reason = flag.reason();
        this.severity = flag.severity();
        this.evidence = flag.evidence();
        this.atMs = flag.atMs();
        this.raisedAt = flag.raisedAt();
        this.dueAt = flag.dueAt();
        this.state = flag.state();
        if (state != OPEN) {
            throw new IllegalArgumentException("a new case starts from an open flag, not a " + state + " one");
        }
    }

    /** The case of a flag just raised; its row is stored through the {@link Flag}. */
    public static FlagCase of(Flag flag) {
        return new FlagCase(flag);
    }

    public FlagTransition claim(Reviewer reviewer, Instant at) {
        check(ReviewAction.CLAIM, reviewer);
        FlagState from = state;
        assignTo(reviewer);
        state = IN_REVIEW;
        return record(ReviewAction.CLAIM, from, reviewer, at, null, null);
    }

    /** Gives an open flag, or one already in review, to a compliance officer. */
    public FlagTransition assign(Reviewer reviewer, Reviewer assignee, Instant at) {
        check(ReviewAction.ASSIGN, reviewer);
        if (!assignee.has(ReviewRole.COMPLIANCE_OFFICER)) {
            throw new NotPermittedException(assignee.name() + " cannot be given flags: that needs the "
                    + ReviewRole.COMPLIANCE_OFFICER.roleName() + " role. Pick a compliance officer.");
        }
        if (state == IN_REVIEW && assignee.isSamePersonAs(assigneeId)) {
            throw new ReviewInputException(assignee.name() + " already has this flag.");
        }
        FlagState from = state;
        assignTo(assignee);
        state = IN_REVIEW;
        return record(ReviewAction.ASSIGN, from, reviewer, at, "to " + assignee.name(), null);
    }

    /** Hands the flag back to the queue. */
    public FlagTransition release(Reviewer reviewer, String note, Instant at) {
        check(ReviewAction.RELEASE, reviewer);
        String why = optionalNote(note);
        assigneeId = null;
        assigneeName = null;
        state = OPEN;
        return record(ReviewAction.RELEASE, IN_REVIEW, reviewer, at, null, why);
    }

    /**
     * Closes the review with a disposition; a HIGH or CRITICAL flag only proposes it, and waits for a second
     * compliance officer in PENDING_APPROVAL.
     */
    public FlagTransition resolve(Reviewer reviewer, Disposition outcome, String note, Instant at) {
        check(ReviewAction.RESOLVE, reviewer);
        Disposition chosen = requireDisposition(outcome);
        String why = requiredNote(note, "Say why you resolve it this way");
        disposition = chosen;
        resolutionNote = why;
        resolvedBy = reviewer.userId();
        state = needsSecondReviewer() ? PENDING_APPROVAL : RESOLVED;
        return record(ReviewAction.RESOLVE, IN_REVIEW, reviewer, at, "as " + chosen, why);
    }

    /** The second pair of eyes agrees with the proposed resolution. */
    public FlagTransition approve(Reviewer reviewer, String note, Instant at) {
        check(ReviewAction.APPROVE, reviewer);
        String why = optionalNote(note);
        approvedBy = reviewer.userId();
        state = RESOLVED;
        return record(ReviewAction.APPROVE, PENDING_APPROVAL, reviewer, at, "as " + disposition, why);
    }

    /** Sends a proposed resolution back to whoever made it, with the reason. */
    public FlagTransition reject(Reviewer reviewer, String note, Instant at) {
        check(ReviewAction.REJECT, reviewer);
        String why = requiredNote(note, "Say what the resolution misses");
        String proposed = disposition.name();
        disposition = null;
        resolutionNote = null;
        resolvedBy = null;
        state = IN_REVIEW;
        return record(ReviewAction.REJECT, PENDING_APPROVAL, reviewer, at, "the resolution " + proposed, why);
    }

    /** Hands the flag to legal or security, who conclude it. */
    public FlagTransition escalate(Reviewer reviewer, EscalationTarget target, String note, Instant at) {
        check(ReviewAction.ESCALATE, reviewer);
        if (target == null) {
            throw new ReviewInputException("Choose who to escalate to: legal or security.");
        }
        String why = requiredNote(note, "Say why this needs " + target.label().toLowerCase());
        escalatedTo = target;
        escalatedBy = reviewer.userId();
        assigneeId = null;
        assigneeName = null;
        state = ESCALATED;
        return record(ReviewAction.ESCALATE, IN_REVIEW, reviewer, at, "to " + target.label(), why);
    }

    /** Legal or security close an escalated flag. */
    public FlagTransition concludeEscalation(Reviewer reviewer, Disposition outcome, String note, Instant at) {
        check(ReviewAction.CONCLUDE_ESCALATION, reviewer);
        Disposition chosen = requireDisposition(outcome);
        String why = requiredNote(note, "Say what " + escalatedTo.label().toLowerCase() + " concluded");
        disposition = chosen;
        resolutionNote = why;
        resolvedBy = reviewer.userId();
        state = RESOLVED;
        return record(ReviewAction.CONCLUDE_ESCALATION, ESCALATED, reviewer, at, "as " + chosen, why);
    }

    /** Why the reviewer may not take the action now, or empty when they may. Changes nothing. */
    public Optional<ReviewException> refusal(ReviewAction action, Reviewer reviewer) {
        return switch (action) {
            case RAISE -> Optional.of(new IllegalTransitionException("This flag has already been raised."));
            case CLAIM -> firstOf(() -> role(reviewer, ReviewRole.COMPLIANCE_OFFICER, "claim flags"),
                    () -> claimable(reviewer));
            case ASSIGN -> firstOf(() -> role(reviewer, ReviewRole.COMPLIANCE_OFFICER, "assign flags"),
                    () -> inState(action, OPEN, IN_REVIEW));
            case RELEASE, RESOLVE, ESCALATE -> firstOf(
                    () -> role(reviewer, ReviewRole.COMPLIANCE_OFFICER, action.verb() + " flags"),
                    () -> inState(action, IN_REVIEW), () -> heldBy(reviewer, action));
            case APPROVE -> firstOf(() -> role(reviewer, ReviewRole.COMPLIANCE_OFFICER, "approve resolutions"),
                    () -> inState(action, PENDING_APPROVAL), () -> secondReviewer(reviewer));
            case REJECT -> firstOf(() -> role(reviewer, ReviewRole.COMPLIANCE_OFFICER, "reject resolutions"),
                    () -> inState(action, PENDING_APPROVAL));
            case CONCLUDE_ESCALATION -> firstOf(() -> inState(action, ESCALATED),
                    () -> role(reviewer, escalatedTo.receivingRole(), "conclude escalations to "
                            + escalatedTo.label().toLowerCase()),
                    () -> notTheEscalator(reviewer));
        };
    }

    public boolean allows(ReviewAction action, Reviewer reviewer) {
        return refusal(action, reviewer).isEmpty();
    }

    /** HIGH and CRITICAL flags are closed by two people. */
    public boolean needsSecondReviewer() {
        return severity == Severity.HIGH || severity == Severity.CRITICAL;
    }

    /** Still someone's work: open, in review or waiting for approval. */
    public boolean isOpenWork() {
        return state == OPEN || state == IN_REVIEW || state == PENDING_APPROVAL;
    }

    /** Open work past its due time. */
    public boolean overdue(Instant now) {
        return isOpenWork() && dueAt.isBefore(now);
    }

    public boolean assignedTo(Reviewer reviewer) {
        return reviewer.isSamePersonAs(assigneeId);
    }

    private void check(ReviewAction action, Reviewer reviewer) {
        Optional<ReviewException> refused = refusal(action, reviewer);
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    private void assignTo(Reviewer reviewer) {
        assigneeId = reviewer.userId();
        assigneeName = reviewer.name();
    }

    private FlagTransition record(ReviewAction action, FlagState from, Reviewer actor, Instant at, String detail,
                                  String note) {
        return new FlagTransition(tenantId, id, action, from, state, actor, at, detail, note);
    }

    @SafeVarargs
    private static Optional<ReviewException> firstOf(Supplier<Optional<ReviewException>>... checks) {
        for (Supplier<Optional<ReviewException>> check : checks) {
            Optional<ReviewException> refused = check.get();
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private static Optional<ReviewException> role(Reviewer reviewer, ReviewRole role, String what) {
        return reviewer.has(role) ? Optional.empty() : Optional.of(new NotPermittedException(reviewer.name()
                + " cannot " + what + ": that needs the " + role.roleName()
                + " role. Ask an administrator to grant it."));
    }

    private Optional<ReviewException> claimable(Reviewer reviewer) {
        if (state == IN_REVIEW && !assignedTo(reviewer)) {
            return Optional.of(new IllegalTransitionException(assigneeName + " is already reviewing this flag."
                    + " Ask them to release it, or assign it to yourself."));
        }
        return inState(ReviewAction.CLAIM, OPEN);
    }

    private Optional<ReviewException> inState(ReviewAction action, FlagState... allowed) {
        if (Arrays.asList(allowed).contains(state)) {
            return Optional.empty();
        }
        return Optional.of(new IllegalTransitionException("Cannot " + action.verb() + " this flag: it is "
                + label(state) + ", and only a flag that is "
                + Arrays.stream(allowed).map(FlagCase::label).collect(Collectors.joining(" or "))
                + " can be " + action.pastTense().split(" ")[0] + ". Reload to see its current state."));
    }

    private Optional<ReviewException> heldBy(Reviewer reviewer, ReviewAction action) {
        return assignedTo(reviewer) ? Optional.empty() : Optional.of(new NotPermittedException(assigneeName
                + " is reviewing this flag, so only they can " + action.verb()
                + " it. Ask them, or assign it to yourself first."));
    }

    private Optional<ReviewException> secondReviewer(Reviewer reviewer) {
        return reviewer.isSamePersonAs(resolvedBy) ? Optional.of(new SecondReviewerRequiredException(
                "You resolved this " + severity + " flag, so a second compliance officer must approve it"
                        + " (four eyes). Ask a colleague to review your resolution.")) : Optional.empty();
    }

    private Optional<ReviewException> notTheEscalator(Reviewer reviewer) {
        return needsSecondReviewer() && reviewer.isSamePersonAs(escalatedBy)
                ? Optional.of(new SecondReviewerRequiredException("You escalated this " + severity + " flag, so"
                        + " someone else in " + escalatedTo.label().toLowerCase() + " must conclude it (four eyes)."))
                : Optional.empty();
    }

    private static Disposition requireDisposition(Disposition outcome) {
        if (outcome == null) {
            throw new ReviewInputException("Choose a disposition: confirmed, false positive or needs an agent change.");
        }
        return outcome;
    }

    static String requiredNote(String note, String prompt) {
        if (note == null || note.isBlank()) {
            throw new ReviewInputException(prompt + ": a note is required.");
        }
        return optionalNote(note);
    }

    static String optionalNote(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String text = note.strip();
        if (text.length() > MAX_NOTE_LENGTH) {
            throw new ReviewInputException("Keep the note under " + MAX_NOTE_LENGTH + " characters; it has "
                    + text.length() + ".");
        }
        return text;
    }

    /** A state as people say it: "in review", "pending approval". */
    public static String label(FlagState state) {
        return state.name().toLowerCase().replace('_', ' ');
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public UUID sessionId() { return sessionId; }
    public FlagReason reason() { return reason; }
    public Severity severity() { return severity; }
    public String evidence() { return evidence; }
    public int atMs() { return atMs; }
    public Instant raisedAt() { return raisedAt; }
    public Instant dueAt() { return dueAt; }
    public FlagState state() { return state; }
    public String assigneeId() { return assigneeId; }
    public String assigneeName() { return assigneeName; }
    public Disposition disposition() { return disposition; }
    public String resolutionNote() { return resolutionNote; }
    public String resolvedBy() { return resolvedBy; }
    public String approvedBy() { return approvedBy; }
    public EscalationTarget escalatedTo() { return escalatedTo; }
    public String escalatedBy() { return escalatedBy; }
}
