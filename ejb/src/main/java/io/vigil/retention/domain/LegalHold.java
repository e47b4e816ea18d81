package io.vigil.retention.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A legal hold for a matter, as stored: its scope, who created it, and where its release stands. Releasing takes
 * two legal users: one asks ({@link #requestRelease}), another approves ({@link #approveRelease}); the person who
 * asked can withdraw the request, but never approve it.
 */
public record LegalHold(UUID id, UUID tenantId, String matterName, String reference, String description,
                        HoldScope scope, HoldState state, String createdBy, String createdByName, Instant createdAt,
                        String releaseRequestedBy, String releaseRequestedName, Instant releaseRequestedAt,
                        String releaseReason, String releasedBy, String releasedByName, Instant releasedAt,
                        long sessions) {

    /** Checks that {@code userId} may ask for this hold's release. */
    public void checkReleaseRequest(String userId, String reason) {
        if (state != HoldState.ACTIVE) {
            throw new HoldRejected(state == HoldState.RELEASED ? "This hold is already released"
                    : "A release of this hold is already waiting for approval");
        }
        if (reason == null || reason.strip().length() < 10) {
            throw new HoldRejected("Say why the hold can end (at least 10 characters, e.g. the matter settled on a date)");
        }
    }

    /** Checks that {@code userId} may approve the requested release: someone other than who asked. */
    public void checkReleaseApproval(String userId) {
        if (state != HoldState.RELEASE_REQUESTED) {
            throw new HoldRejected(state == HoldState.RELEASED ? "This hold is already released"
                    : "Nobody asked for this hold's release yet: a legal user requests it first");
        }
        if (userId.equals(releaseRequestedBy)) {
            throw new HoldRejected("You asked for this release yourself: another legal user must approve it");
        }
    }

    /** Checks that {@code userId} may withdraw the requested release (anyone of the legal role). */
    public void checkWithdrawal() {
        if (state != HoldState.RELEASE_REQUESTED) {
            throw new HoldRejected("No release of this hold is waiting for approval");
        }
    }

    public static void checkMatter(String matterName, String reference) {
        if (matterName == null || matterName.isBlank() || matterName.length() > 200) {
            throw new HoldRejected("Name the matter (up to 200 characters)");
        }
        if (reference == null || reference.isBlank() || reference.length() > 100) {
            throw new HoldRejected("Give the matter's reference (up to 100 characters, e.g. the case number)");
        }
    }
}
