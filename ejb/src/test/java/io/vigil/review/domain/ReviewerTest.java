package io.vigil.review.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewerTest {

    @Test
    void aReviewerIsIdentifiedByUserId() {
        Reviewer a = Reviewer.of("u-1", "Dana", ReviewRole.COMPLIANCE_OFFICER);
        Reviewer b = Reviewer.of("u-1", "Dana Reyes");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(a.isSamePersonAs("u-1"));
        assertFalse(a.isSamePersonAs(null));
    }

    @Test
    void aReviewerNeedsAnIdAndAName() {
        assertThrows(IllegalArgumentException.class, () -> Reviewer.of(" ", "Dana"));
        assertThrows(IllegalArgumentException.class, () -> Reviewer.of("u-1", null));
    }

    @Test
    void rolesAreCheckedWithAMessageThatNamesTheMissingRole() {
        Reviewer legal = Reviewer.of("u-2", "Lee", ReviewRole.LEGAL);
        legal.requireAny("open the queue", ReviewRole.COMPLIANCE_OFFICER, ReviewRole.LEGAL);
        NotPermittedException e = assertThrows(NotPermittedException.class,
                () -> Reviewer.of("u-3", "Priya", ReviewRole.SUPERVISOR).requireAny("open the queue",
                        ReviewRole.COMPLIANCE_OFFICER, ReviewRole.LEGAL));
        assertEquals("Priya cannot open the queue: that needs one of the roles compliance-officer, legal."
                + " Ask an administrator to grant one.", e.getMessage());
    }

    @Test
    void identityRoleNamesMapToReviewRoles() {
        assertEquals(Optional.of(ReviewRole.COMPLIANCE_OFFICER), ReviewRole.fromRoleName("compliance-officer"));
        assertEquals(Optional.of(ReviewRole.SECURITY), ReviewRole.fromRoleName("security"));
        assertEquals(Optional.empty(), ReviewRole.fromRoleName("admin"));
    }
}
