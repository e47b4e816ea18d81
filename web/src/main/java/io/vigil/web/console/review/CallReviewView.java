package io.vigil.web.console.review;

import io.vigil.review.application.FailureAnnotations;
import io.vigil.review.application.FailureTaxonomy;
import io.vigil.review.application.FlagReview;
import io.vigil.review.domain.Disposition;
import io.vigil.review.domain.EscalationTarget;
import io.vigil.review.domain.FailureAnnotation;
import io.vigil.review.domain.FailureCategory;
import io.vigil.review.domain.FlagCase;
import io.vigil.review.domain.ReviewAction;
import io.vigil.review.domain.ReviewedFlag;
import io.vigil.review.domain.Reviewer;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentReviewer;
import io.vigil.web.console.Formats;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The review panel of the call page (WEB-INF/includes/call-review.xhtml): the call's flags with their history and
 * the actions the current reviewer may take, a form to flag the call, and the supervisors' annotations. The call
 * comes from the page's {@code id} parameter, a flag to bring forward from {@code flag}; an unknown or foreign call
 * shows an empty panel (the call page itself answers 404).
 */
@Named("callReview")
@ViewScoped
public class CallReviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient FlagReview review;

    @EJB
    private transient FailureAnnotations annotations;

    @EJB
    private transient FailureTaxonomy taxonomy;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentReviewer current;

    private UUID callId;
    private UUID focusedFlagId;
    private List<ReviewedFlag> flags = List.of();
    private List<FailureAnnotation> callAnnotations = List.of();
    private List<FailureCategory> categories = List.of();

    // the flag action form; one flag's inputs are processed at a time
    private Disposition disposition;
    private EscalationTarget target;
    private String note;

    // the raise-a-flag form
    private Severity raiseSeverity;
    private String raiseAt;
    private String raiseEvidence;

    // the annotation form; editing an existing annotation when annotationId is set
    private UUID annotationId;
    private String annotationCategory;
    private Severity annotationSeverity;
    private String annotationStart;
    private String annotationEnd;
    private String annotationNote;

    @PostConstruct
    void init() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        callId = uuid(params.get("id")).orElse(null);
        focusedFlagId = uuid(params.get("flag")).orElse(null);
        reload();
    }

    private void reload() {
        if (callId == null) {
            return;
        }
        flags = review.flagsOfCall(tenant.id(), callId);
        callAnnotations = annotations.ofCall(tenant.id(), callId);
        categories = taxonomy.all(tenant.id());
    }

    // flags

    public void claim(UUID flagId) {
        act(() -> review.claim(tenant.id(), reviewer(), flagId), "You are reviewing this flag.");
    }

    public void release(UUID flagId) {
        act(() -> review.release(tenant.id(), reviewer(), flagId, note), "Released: the flag is back in the queue.");
    }

    public void resolve(UUID flagId) {
        FlagCase resolved = act(() -> review.resolve(tenant.id(), reviewer(), flagId, disposition, note), null);
        if (resolved != null) {
            ReviewMessages.info(resolved.state() == FlagState.PENDING_APPROVAL
                    ? "Resolution proposed. A second compliance officer must approve it (four eyes)."
                    : "Resolved.");
        }
    }

    public void approve(UUID flagId) {
        act(() -> review.approve(tenant.id(), reviewer(), flagId, note), "Approved: the flag is resolved.");
    }

    public void reject(UUID flagId) {
        act(() -> review.reject(tenant.id(), reviewer(), flagId, note),
                "Rejected: the flag went back to whoever resolved it.");
    }

    public void escalate(UUID flagId) {
        act(() -> review.escalate(tenant.id(), reviewer(), flagId, target, note), "Escalated.");
    }

    public void conclude(UUID flagId) {
        act(() -> review.concludeEscalation(tenant.id(), reviewer(), flagId, disposition, note),
                "Escalation concluded: the flag is resolved.");
    }

    public boolean allows(FlagCase flag, String action) {
        return flag.allows(ReviewAction.valueOf(action), reviewer());
    }

    /** Whether the flag's work form (disposition, note) has anything this reviewer may submit. */
    public boolean hasWork(FlagCase flag) {
        Reviewer me = reviewer();
        return flag.allows(ReviewAction.RESOLVE, me) || flag.allows(ReviewAction.APPROVE, me)
                || flag.allows(ReviewAction.REJECT, me) || flag.allows(ReviewAction.ESCALATE, me)
                || flag.allows(ReviewAction.CONCLUDE_ESCALATION, me);
    }

    public boolean isFocused(FlagCase flag) {
        return flag.id().equals(focusedFlagId);
    }

    public boolean isOverdue(FlagCase flag) {
        return flag.overdue(Instant.now());
    }

    public void raise() {
        if (callId == null) {
            return;
        }
        FlagCase raised = ReviewMessages.attempt(() -> review.raise(tenant.id(), reviewer(), callId, raiseSeverity,
                raiseEvidence, CallTime.parse(raiseAt, "Time in the call")));
        if (raised != null) {
            ReviewMessages.info("Flag raised; a compliance officer must look at it by "
                    + new Formats().dateTime(raised.dueAt()) + ".");
            raiseSeverity = null;
            raiseAt = null;
            raiseEvidence = null;
            focusedFlagId = raised.id();
            reload();
        }
    }

    // annotations

    public void saveAnnotation() {
        if (callId == null) {
            return;
        }
        boolean editing = annotationId != null;
        FailureAnnotation saved = ReviewMessages.attempt(() -> {
            int start = CallTime.parse(annotationStart, "Start");
            int end = annotationEnd == null || annotationEnd.isBlank() ? start : CallTime.parse(annotationEnd, "End");
            return editing
                    ? annotations.revise(tenant.id(), reviewer(), annotationId, annotationCategory,
                            annotationSeverity, start, end, annotationNote)
                    : annotations.annotate(tenant.id(), reviewer(), callId, annotationCategory, annotationSeverity,
                            start, end, annotationNote);
        });
        if (saved != null) {
            ReviewMessages.info(editing ? "Annotation updated."
                    : "Annotation added at " + CallTime.format(saved.startMs()) + ".");
            cancelEdit();
            reload();
        }
    }

    public void edit(FailureAnnotation annotation) {
        annotationId = annotation.id();
        annotationCategory = annotation.category();
        annotationSeverity = annotation.severity();
        annotationStart = CallTime.precise(annotation.startMs());
        annotationEnd = CallTime.precise(annotation.endMs());
        annotationNote = annotation.note();
    }

    public void cancelEdit() {
        annotationId = null;
        annotationCategory = null;
        annotationSeverity = null;
        annotationStart = null;
        annotationEnd = null;
        annotationNote = null;
    }

    public void remove(FailureAnnotation annotation) {
        if (ReviewMessages.attempt(() -> annotations.remove(tenant.id(), reviewer(), annotation.id()))) {
            ReviewMessages.info("Annotation removed.");
            if (annotation.id().equals(annotationId)) {
                cancelEdit();
            }
            reload();
        }
    }

    public boolean isMine(FailureAnnotation annotation) {
        return annotation.writtenBy(reviewer());
    }

    public String clock(int millis) {
        return CallTime.format(millis);
    }

    /** The label of a category code, also for a retired category; the code itself if the taxonomy lost it. */
    public String categoryLabel(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).map(FailureCategory::label).findFirst()
                .orElse(code);
    }

    /** What a supervisor may pick: the active categories, plus the retired one an edited annotation still has. */
    public List<FailureCategory> getCategoryChoices() {
        return categories.stream().filter(c -> c.active() || c.code().equals(annotationCategory)).toList();
    }

    private <T> T act(java.util.function.Supplier<T> action, String done) {
        T result = ReviewMessages.attempt(action);
        if (result != null) {
            if (done != null) {
                ReviewMessages.info(done);
            }
            disposition = null;
            target = null;
            note = null;
        }
        reload();
        return result;
    }

    private Reviewer reviewer() {
        return current.reviewer();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String stateLabel(FlagState state) { return FlagCase.label(state); }
    public List<ReviewedFlag> getFlags() { return flags; }
    public List<FailureAnnotation> getAnnotations() { return callAnnotations; }
    public boolean isSupervisor() { return current.isSupervisor(); }
    public Disposition[] getDispositions() { return Disposition.values(); }
    public EscalationTarget[] getTargets() { return EscalationTarget.values(); }
    public Severity[] getSeverities() { return Severity.values(); }
    public Disposition getDisposition() { return disposition; }
    public void setDisposition(Disposition disposition) { this.disposition = disposition; }
    public EscalationTarget getTarget() { return target; }
    public void setTarget(EscalationTarget target) { this.target = target; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Severity getRaiseSeverity() { return raiseSeverity; }
    public void setRaiseSeverity(Severity raiseSeverity) { this.raiseSeverity = raiseSeverity; }
    public String getRaiseAt() { return raiseAt; }
    public void setRaiseAt(String raiseAt) { this.raiseAt = raiseAt; }
    public String getRaiseEvidence() { return raiseEvidence; }
    public void setRaiseEvidence(String raiseEvidence) { this.raiseEvidence = raiseEvidence; }
    public boolean isEditingAnnotation() { return annotationId != null; }
    public String getAnnotationCategory() { return annotationCategory; }
    public void setAnnotationCategory(String annotationCategory) { this.annotationCategory = annotationCategory; }
    public Severity getAnnotationSeverity() { return annotationSeverity; }
    public void setAnnotationSeverity(Severity annotationSeverity) { this.annotationSeverity = annotationSeverity; }
    public UUID getCallId() { return callId; }
    public String getAnnotationStart() { return annotationStart; }
    public void setAnnotationStart(String annotationStart) { this.annotationStart = annotationStart; }
    public String getAnnotationEnd() { return annotationEnd; }
    public void setAnnotationEnd(String annotationEnd) { this.annotationEnd = annotationEnd; }
    public String getAnnotationNote() { return annotationNote; }
    public void setAnnotationNote(String annotationNote) { this.annotationNote = annotationNote; }
}
