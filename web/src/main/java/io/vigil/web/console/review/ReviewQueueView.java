package io.vigil.web.console.review;

import io.vigil.review.application.FlagReview;
import io.vigil.review.domain.BulkOutcome;
import io.vigil.review.domain.FlagCase;
import io.vigil.review.domain.FlagQueueQuery;
import io.vigil.review.domain.QueueEntry;
import io.vigil.review.domain.Reviewer;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.AgentProfile;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentReviewer;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The flag queue: filters above a lazily paged table, sorted by due time. Built for working it down from the
 * keyboard: a cursor row moves with j/k, c claims it, o opens its call, x selects it for a bulk action, n claims
 * the most urgent open flag and opens its call.
 */
@Named("reviewQueue")
@ViewScoped
public class ReviewQueueView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient FlagReview review;

    @EJB
    private transient CallCatalog catalog;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentReviewer current;

    private final QueueFilters filters = new QueueFilters();
    private FlagQueueLazyDataModel flags;
    private List<AgentProfile> agentProfiles;
    private List<QueueEntry> selection = new ArrayList<>();
    private int cursor;
    private String bulkAssignee;

    @PostConstruct
    void init() {
        flags = new FlagQueueLazyDataModel(review, tenant.id(), this::reviewer, this::query);
        agentProfiles = catalog.agentProfiles(tenant.id());
    }

    FlagQueueQuery query() {
        return filters.toQuery(reviewer().userId(), 25);
    }

    private Reviewer reviewer() {
        return current.reviewer();
    }

    /** After a filter changed: back to the first row, nothing selected. */
    public void filtered() {
        cursor = 0;
        selection = new ArrayList<>();
    }

    public void claim(QueueEntry entry) {
        FlagCase claimed = ReviewMessages.attempt(() -> review.claim(tenant.id(), reviewer(), entry.flagId()));
        if (claimed != null) {
            ReviewMessages.info("You are reviewing the " + claimed.reason().label().toLowerCase() + " flag.");
        }
    }

    public void release(QueueEntry entry) {
        if (ReviewMessages.attempt(() -> review.release(tenant.id(), reviewer(), entry.flagId(), null)) != null) {
            ReviewMessages.info("Released: the flag is back in the queue.");
        }
    }

    /** Claims the most urgent open flag under the current filters and opens its call. */
    public String next() {
        Optional<FlagCase> next = ReviewMessages.attempt(() -> review.claimNext(tenant.id(), reviewer(), query()));
        if (next == null) {
            return null;
        }
        if (next.isEmpty()) {
            ReviewMessages.info("No open flag matches these filters: the queue is done. Clear a filter to see more.");
            return null;
        }
        return callPage(next.get().sessionId(), next.get().id(), next.get().atMs());
    }

    public void claimSelected() {
        bulk("claimed", () -> review.claimAll(tenant.id(), reviewer(), selectedIds()));
    }

    public void releaseSelected() {
        bulk("released", () -> review.releaseAll(tenant.id(), reviewer(), selectedIds()));
    }

    public void assignSelected() {
        Optional<Reviewer> assignee = current.colleagues().stream()
                .filter(r -> r.userId().equals(bulkAssignee)).findFirst();
        if (assignee.isEmpty()) {
            ReviewMessages.warn("Choose who to assign the selected flags to.");
            return;
        }
        bulk("assigned to " + assignee.get().name(),
                () -> review.assignAll(tenant.id(), reviewer(), selectedIds(), assignee.get()));
    }

    private void bulk(String pastTense, java.util.function.Supplier<BulkOutcome> action) {
        BulkOutcome outcome = ReviewMessages.attempt(action);
        if (outcome == null) {
            return;
        }
        if (outcome.refused().isEmpty()) {
            ReviewMessages.info(outcome.summary(pastTense));
        } else {
            ReviewMessages.warn(outcome.summary(pastTense));
        }
        selection = new ArrayList<>();
    }

    private List<UUID> selectedIds() {
        return selection.stream().map(QueueEntry::flagId).toList();
    }

    // the keyboard cursor, over the rows of the page on screen

    public void cursorDown() {
        cursor = Math.min(cursor + 1, Math.max(0, rows().size() - 1));
    }

    public void cursorUp() {
        cursor = Math.max(cursor - 1, 0);
    }

    public void claimAtCursor() {
        atCursor().ifPresentOrElse(this::claim, () -> ReviewMessages.warn("No flag on this page to claim."));
    }

    public void toggleAtCursor() {
        atCursor().ifPresent(entry -> {
            if (!selection.removeIf(e -> e.flagId().equals(entry.flagId()))) {
                selection.add(entry);
            }
        });
    }

    public String openAtCursor() {
        return atCursor().map(e -> callPage(e.callId(), e.flagId(), e.atMs())).orElse(null);
    }

    public boolean isCursor(QueueEntry entry) {
        return atCursor().map(e -> e.flagId().equals(entry.flagId())).orElse(false);
    }

    public String rowClass(QueueEntry entry) {
        return (isCursor(entry) ? "vigil-cursor " : "") + (entry.overdue(Instant.now()) ? "vigil-overdue" : "");
    }

    public boolean isOverdue(QueueEntry entry) {
        return entry.overdue(Instant.now());
    }

    public boolean canClaim(QueueEntry entry) {
        return current.isComplianceOfficer() && entry.state() == FlagState.OPEN;
    }

    public boolean canRelease(QueueEntry entry) {
        return entry.state() == FlagState.IN_REVIEW && reviewer().isSamePersonAs(entry.assigneeId());
    }

    public boolean awaitsMyApproval(QueueEntry entry) {
        return current.isComplianceOfficer() && entry.awaitsApprovalFrom(reviewer());
    }

    private Optional<QueueEntry> atCursor() {
        List<QueueEntry> rows = rows();
        return cursor < rows.size() ? Optional.of(rows.get(cursor)) : Optional.empty();
    }

    private List<QueueEntry> rows() {
        List<QueueEntry> rows = flags.getWrappedData();
        return rows == null ? List.of() : rows;
    }

    /** The call page with the flag brought forward and the player at the flag's evidence time. */
    private static String callPage(UUID callId, UUID flagId, int atMs) {
        return "/call?faces-redirect=true&id=" + callId + "&flag=" + flagId + "&t=" + atMs;
    }

    public FlagQueueLazyDataModel getFlags() { return flags; }
    public QueueFilters getFilters() { return filters; }
    public List<AgentProfile> getAgentProfiles() { return agentProfiles; }
    public List<Reviewer> getColleagues() { return current.colleagues(); }
    public FlagReason[] getReasons() { return FlagReason.values(); }
    public Severity[] getSeverities() { return Severity.values(); }
    public FlagState[] getStates() { return FlagState.values(); }
    public List<QueueEntry> getSelection() { return selection; }
    public void setSelection(List<QueueEntry> selection) {
        this.selection = selection == null ? new ArrayList<>() : new ArrayList<>(selection);
    }
    public String getBulkAssignee() { return bulkAssignee; }
    public void setBulkAssignee(String bulkAssignee) { this.bulkAssignee = bulkAssignee; }
    public String stateLabel(FlagState state) { return FlagCase.label(state); }
}
