package io.vigil.review.domain;

import static io.vigil.review.domain.ReviewFixtures.ALEX;
import static io.vigil.review.domain.ReviewFixtures.DANA;
import static io.vigil.review.domain.ReviewFixtures.LEE;
import static io.vigil.review.domain.ReviewFixtures.PRIYA;
import static io.vigil.review.domain.ReviewFixtures.ROBIN;
import static io.vigil.review.domain.ReviewFixtures.SAM;
import static io.vigil.review.domain.ReviewFixtures.at;
import static io.vigil.review.domain.ReviewFixtures.openCase;
import static io.vigil.session.domain.FlagState.ESCALATED;
import static io.vigil.session.domain.FlagState.IN_REVIEW;
import static io.vigil.session.domain.FlagState.OPEN;
import static io.vigil.session.domain.FlagState.PENDING_APPROVAL;
import static io.vigil.session.domain.FlagState.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FlagCaseTest {

    @Nested
    class ClaimAssignRelease {

        @Test
        void claimingTakesAnOpenFlagIntoReview() {
            FlagCase flag = openCase(Severity.MEDIUM);
            FlagTransition t = flag.claim(DANA, at(1));
            assertEquals(IN_REVIEW, flag.state());
            assertEquals("u-dana", flag.assigneeId());
            assertEquals("Dana Reyes", flag.assigneeName());
            assertTransition(t, ReviewAction.CLAIM, OPEN, IN_REVIEW, DANA);
            assertEquals("Dana Reyes claimed", t.summary());
        }

        @Test
        void aFlagSomeoneElseHoldsCannotBeClaimed() {
            FlagCase flag = openCase(Severity.MEDIUM);
            flag.claim(DANA, at(1));
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> flag.claim(SAM, at(2)));
            assertEquals("Dana Reyes is already reviewing this flag. Ask them to release it, or assign it to yourself.",
                    e.getMessage());
            assertEquals("u-dana", flag.assigneeId(), "a refused claim changes nothing");
        }

        @Test
        void assigningGivesAnOpenFlagToAComplianceOfficer() {
            FlagCase flag = openCase(Severity.LOW);
            FlagTransition t = flag.assign(DANA, SAM, at(1));
            assertEquals(IN_REVIEW, flag.state());
            assertEquals("u-sam", flag.assigneeId());
            assertTransition(t, ReviewAction.ASSIGN, OPEN, IN_REVIEW, DANA);
            assertEquals("Dana Reyes assigned to Sam Okafor", t.summary());
        }

        @Test
        void reassigningMovesAFlagInReviewToSomeoneElse() {
            FlagCase flag = openCase(Severity.LOW);
            flag.claim(DANA, at(1));
            FlagTransition t = flag.assign(SAM, SAM, at(2));
            assertTransition(t, ReviewAction.ASSIGN, IN_REVIEW, IN_REVIEW, SAM);
            assertEquals("u-sam", flag.assigneeId());
            assertThrows(ReviewInputException.class, () -> flag.assign(DANA, SAM, at(3)), "already Sam's");
        }

        @Test
        void onlyComplianceOfficersCanBeGivenFlags() {
            FlagCase flag = openCase(Severity.LOW);
            NotPermittedException e = assertThrows(NotPermittedException.class, () -> flag.assign(DANA, PRIYA, at(1)));
            assertTrue(e.getMessage().startsWith("Priya Shah cannot be given flags"), e.getMessage());
            assertEquals(OPEN, flag.state());
        }

        @Test
        void releasingHandsTheFlagBackToTheQueue() {
            FlagCase flag = openCase(Severity.HIGH);
            flag.claim(DANA, at(1));
            FlagTransition t = flag.release(DANA, "  out sick tomorrow ", at(2));
            assertEquals(OPEN, flag.state());
            assertNull(flag.assigneeId());
            assertNull(flag.assigneeName());
            assertTransition(t, ReviewAction.RELEASE, IN_REVIEW, OPEN, DANA);
            assertEquals("out sick tomorrow", t.note());
        }

        @Test
        void onlyTheAssigneeReleases() {
            FlagCase flag = openCase(Severity.HIGH);
            flag.claim(DANA, at(1));
            NotPermittedException e = assertThrows(NotPermittedException.class, () -> flag.release(SAM, null, at(2)));
            assertEquals("Dana Reyes is reviewing this flag, so only they can release it."
                    + " Ask them, or assign it to yourself first.", e.getMessage());
        }
    }

    @Nested
    class Resolving {

        @ParameterizedTest
        @EnumSource(value = Severity.class, names = {"LOW", "MEDIUM"})
        void aLowerSeverityFlagIsClosedByOnePerson(Severity severity) {
            FlagCase flag = openCase(severity);
            flag.claim(DANA, at(1));
            FlagTransition t = flag.resolve(DANA, Disposition.FALSE_POSITIVE, "the caller was testing", at(2));
            assertEquals(RESOLVED, flag.state());
            assertEquals(Disposition.FALSE_POSITIVE, flag.disposition());
            assertEquals("the caller was testing", flag.resolutionNote());
            assertEquals("u-dana", flag.resolvedBy());
            assertNull(flag.approvedBy());
            assertTransition(t, ReviewAction.RESOLVE, IN_REVIEW, RESOLVED, DANA);
            assertEquals("Dana Reyes resolved as FALSE_POSITIVE", t.summary());
            assertFalse(flag.isOpenWork());
        }

        @ParameterizedTest
        @EnumSource(value = Severity.class, names = {"HIGH", "CRITICAL"})
        void aHighSeverityResolutionWaitsForASecondReviewer(Severity severity) {
            FlagCase flag = openCase(severity);
            assertTrue(flag.needsSecondReviewer());
            flag.claim(DANA, at(1));
            FlagTransition t = flag.resolve(DANA, Disposition.CONFIRMED, "agent read out the card number", at(2));
            assertEquals(PENDING_APPROVAL, flag.state());
            assertTransition(t, ReviewAction.RESOLVE, IN_REVIEW, PENDING_APPROVAL, DANA);
            assertTrue(flag.isOpenWork(), "waiting for approval is still someone's work");
            assertEquals("u-dana", flag.assigneeId(), "the resolver keeps the flag until it is approved");
        }

        @Test
        void resolvingNeedsADispositionAndANote() {
            FlagCase flag = openCase(Severity.LOW);
            flag.claim(DANA, at(1));
            ReviewInputException noNote = assertThrows(ReviewInputException.class,
                    () -> flag.resolve(DANA, Disposition.CONFIRMED, "  ", at(2)));
            assertEquals("Say why you resolve it this way: a note is required.", noNote.getMessage());
            assertThrows(ReviewInputException.class, () -> flag.resolve(DANA, null, "why", at(2)));
            assertThrows(ReviewInputException.class,
                    () -> flag.resolve(DANA, Disposition.CONFIRMED, "x".repeat(FlagCase.MAX_NOTE_LENGTH + 1), at(2)));
            assertEquals(IN_REVIEW, flag.state());
            assertNull(flag.disposition());
        }

        @Test
        void onlyTheAssigneeResolves() {
            FlagCase flag = openCase(Severity.LOW);
            flag.claim(DANA, at(1));
            assertThrows(NotPermittedException.class, () -> flag.resolve(SAM, Disposition.CONFIRMED, "n", at(2)));
        }
    }

    @Nested
    class FourEyes {

        private FlagCase pending() {
            FlagCase flag = openCase(Severity.CRITICAL);
            flag.claim(DANA, at(1));
            flag.resolve(DANA, Disposition.CONFIRMED, "injection succeeded", at(2));
            return flag;
        }

        @Test
        void theResolverCannotApproveTheirOwnResolution() {
            FlagCase flag = pending();
            SecondReviewerRequiredException e = assertThrows(SecondReviewerRequiredException.class,
                    () -> flag.approve(DANA, null, at(3)));
            assertEquals("You resolved this CRITICAL flag, so a second compliance officer must approve it (four eyes)."
                    + " Ask a colleague to review your resolution.", e.getMessage());
            assertEquals(PENDING_APPROVAL, flag.state());
            assertFalse(flag.allows(ReviewAction.APPROVE, DANA));
            assertTrue(flag.allows(ReviewAction.APPROVE, SAM));
        }

        @Test
        void aSecondComplianceOfficerApproves() {
            FlagCase flag = pending();
            FlagTransition t = flag.approve(SAM, "agreed", at(3));
            assertEquals(RESOLVED, flag.state());
            assertEquals("u-dana", flag.resolvedBy());
            assertEquals("u-sam", flag.approvedBy());
            assertEquals(Disposition.CONFIRMED, flag.disposition());
            assertTransition(t, ReviewAction.APPROVE, PENDING_APPROVAL, RESOLVED, SAM);
        }

        @Test
        void aRejectionSendsTheFlagBackToTheResolverWithTheReason() {
            FlagCase flag = pending();
            assertThrows(ReviewInputException.class, () -> flag.reject(SAM, "", at(3)), "a rejection says why");
            FlagTransition t = flag.reject(SAM, "listen again at 1:10", at(3));
            assertEquals(IN_REVIEW, flag.state());
            assertEquals("u-dana", flag.assigneeId());
            assertNull(flag.disposition());
            assertNull(flag.resolutionNote());
            assertNull(flag.resolvedBy());
            assertTransition(t, ReviewAction.REJECT, PENDING_APPROVAL, IN_REVIEW, SAM);
            assertEquals("Sam Okafor rejected the resolution CONFIRMED", t.summary());
            // after a rejection the resolver resolves again, and still cannot approve
            flag.resolve(DANA, Disposition.NEEDS_AGENT_CHANGE, "the prompt lets it through", at(4));
            assertThrows(SecondReviewerRequiredException.class, () -> flag.approve(DANA, null, at(5)));
            flag.approve(SAM, null, at(5));
            assertEquals(Disposition.NEEDS_AGENT_CHANGE, flag.disposition());
        }

        @Test
        void samePersonMeansSameUserIdWhateverTheName() {
            FlagCase flag = pending();
            Reviewer renamed = Reviewer.of("u-dana", "Dana R.", ReviewRole.COMPLIANCE_OFFICER);
            assertThrows(SecondReviewerRequiredException.class, () -> flag.approve(renamed, null, at(3)));
        }

        @Test
        void approvingNeedsTheComplianceOfficerRole() {
            FlagCase flag = pending();
            NotPermittedException e = assertThrows(NotPermittedException.class, () -> flag.approve(LEE, null, at(3)));
            assertEquals("Lee Marsh cannot approve resolutions: that needs the compliance-officer role."
                    + " Ask an administrator to grant it.", e.getMessage());
        }
    }

    @Nested
    class Escalation {

        @Test
        void escalatingHandsTheFlagToLegal() {
            FlagCase flag = openCase(Severity.HIGH);
            flag.claim(DANA, at(1));
            FlagTransition t = flag.escalate(DANA, EscalationTarget.LEGAL, "possible fraud", at(2));
            assertEquals(ESCALATED, flag.state());
            assertEquals(EscalationTarget.LEGAL, flag.escalatedTo());
            assertNull(flag.assigneeId(), "the flag is with legal now, not with a compliance officer");
            assertFalse(flag.isOpenWork());
            assertTransition(t, ReviewAction.ESCALATE, IN_REVIEW, ESCALATED, DANA);
            assertEquals("Dana Reyes escalated to Legal", t.summary());
        }

        @Test
        void escalatingNeedsATargetAndANote() {
            FlagCase flag = openCase(Severity.HIGH);
            flag.claim(DANA, at(1));
            assertThrows(ReviewInputException.class, () -> flag.escalate(DANA, null, "why", at(2)));
            ReviewInputException e = assertThrows(ReviewInputException.class,
                    () -> flag.escalate(DANA, EscalationTarget.SECURITY, null, at(2)));
            assertEquals("Say why this needs security: a note is required.", e.getMessage());
        }

        @Test
        void legalConcludesALegalEscalation() {
            FlagCase flag = openCase(Severity.HIGH);
            flag.claim(DANA, at(1));
            flag.escalate(DANA, EscalationTarget.LEGAL, "possible fraud", at(2));
            NotPermittedException wrongRole = assertThrows(NotPermittedException.class,
                    () -> flag.concludeEscalation(ROBIN, Disposition.CONFIRMED, "n", at(3)));
            assertTrue(wrongRole.getMessage().contains("that needs the legal role"), wrongRole.getMessage());
            assertThrows(NotPermittedException.class,
                    () -> flag.concludeEscalation(SAM, Disposition.CONFIRMED, "n", at(3)), "compliance is not legal");
            FlagTransition t = flag.concludeEscalation(LEE, Disposition.CONFIRMED, "reported to the regulator", at(3));
            assertEquals(RESOLVED, flag.state());
            assertEquals("u-lee", flag.resolvedBy());
            assertTransition(t, ReviewAction.CONCLUDE_ESCALATION, ESCALATED, RESOLVED, LEE);
        }

        @Test
        void securityConcludesASecurityEscalation() {
            FlagCase flag = openCase(Severity.LOW);
            flag.claim(DANA, at(1));
            flag.escalate(DANA, EscalationTarget.SECURITY, "repeated injection from one caller", at(2));
            assertThrows(NotPermittedException.class,
                    () -> flag.concludeEscalation(LEE, Disposition.CONFIRMED, "n", at(3)));
            flag.concludeEscalation(ROBIN, Disposition.FALSE_POSITIVE, "penetration test", at(3));
            assertEquals(RESOLVED, flag.state());
        }

        @Test
        void whoeverEscalatedAHighSeverityFlagCannotConcludeIt() {
            FlagCase flag = openCase(Severity.CRITICAL);
            flag.claim(ALEX, at(1));
            flag.escalate(ALEX, EscalationTarget.LEGAL, "fraud", at(2));
            SecondReviewerRequiredException e = assertThrows(SecondReviewerRequiredException.class,
                    () -> flag.concludeEscalation(ALEX, Disposition.CONFIRMED, "n", at(3)));
            assertEquals("You escalated this CRITICAL flag, so someone else in legal must conclude it (four eyes).",
                    e.getMessage());
            flag.concludeEscalation(LEE, Disposition.CONFIRMED, "n", at(3));
            assertEquals(RESOLVED, flag.state());
        }
    }

    @Nested
    class IllegalTransitions {

        @Test
        void anOpenFlagCannotBeResolvedReleasedEscalatedOrApproved() {
            FlagCase flag = openCase(Severity.LOW);
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                    () -> flag.resolve(DANA, Disposition.CONFIRMED, "n", at(1)));
            assertEquals("Cannot resolve this flag: it is open, and only a flag that is in review can be resolved."
                    + " Reload to see its current state.", e.getMessage());
            assertThrows(IllegalTransitionException.class, () -> flag.release(DANA, null, at(1)));
            assertThrows(IllegalTransitionException.class, () -> flag.escalate(DANA, EscalationTarget.LEGAL, "n", at(1)));
            assertThrows(IllegalTransitionException.class, () -> flag.approve(DANA, null, at(1)));
            assertThrows(IllegalTransitionException.class, () -> flag.reject(DANA, "n", at(1)));
            assertThrows(IllegalTransitionException.class,
                    () -> flag.concludeEscalation(LEE, Disposition.CONFIRMED, "n", at(1)));
            assertEquals(OPEN, flag.state());
        }

        @Test
        void aResolvedFlagIsFinal() {
            FlagCase flag = openCase(Severity.MEDIUM);
            flag.claim(DANA, at(1));
            flag.resolve(DANA, Disposition.CONFIRMED, "n", at(2));
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> flag.claim(SAM, at(3)));
            assertEquals("Cannot claim this flag: it is resolved, and only a flag that is open can be claimed."
                    + " Reload to see its current state.", e.getMessage());
            IllegalTransitionException assign = assertThrows(IllegalTransitionException.class,
                    () -> flag.assign(SAM, SAM, at(3)));
            assertTrue(assign.getMessage().contains("only a flag that is open or in review can be assigned"),
                    assign.getMessage());
            for (ReviewAction action : ReviewAction.values()) {
                assertFalse(flag.allows(action, SAM), action + " on a resolved flag");
                assertFalse(flag.allows(action, LEE), action + " on a resolved flag");
            }
        }

        @Test
        void aPendingFlagCannotBeResolvedAgainOrReleased() {
            FlagCase flag = openCase(Severity.HIGH);
            flag.claim(DANA, at(1));
            flag.resolve(DANA, Disposition.CONFIRMED, "n", at(2));
            assertThrows(IllegalTransitionException.class, () -> flag.resolve(DANA, Disposition.CONFIRMED, "n", at(3)));
            assertThrows(IllegalTransitionException.class, () -> flag.release(DANA, null, at(3)));
            assertThrows(IllegalTransitionException.class, () -> flag.claim(SAM, at(3)));
        }

        @Test
        void anEscalatedFlagLeavesComplianceHands() {
            FlagCase flag = openCase(Severity.HIGH);
            flag.claim(DANA, at(1));
            flag.escalate(DANA, EscalationTarget.LEGAL, "n", at(2));
            assertThrows(IllegalTransitionException.class, () -> flag.claim(SAM, at(3)));
            assertThrows(IllegalTransitionException.class, () -> flag.resolve(DANA, Disposition.CONFIRMED, "n", at(3)));
            assertThrows(IllegalTransitionException.class, () -> flag.approve(SAM, null, at(3)));
            assertThrows(IllegalTransitionException.class, () -> flag.escalate(DANA, EscalationTarget.SECURITY, "n", at(3)));
        }

        @Test
        void supervisorsAndLegalDoNotWorkTheQueue() {
            FlagCase flag = openCase(Severity.LOW);
            NotPermittedException e = assertThrows(NotPermittedException.class, () -> flag.claim(PRIYA, at(1)));
            assertEquals("Priya Shah cannot claim flags: that needs the compliance-officer role."
                    + " Ask an administrator to grant it.", e.getMessage());
            assertThrows(NotPermittedException.class, () -> flag.claim(LEE, at(1)));
            assertThrows(NotPermittedException.class, () -> flag.assign(PRIYA, DANA, at(1)));
            assertEquals(OPEN, flag.state());
        }

        @Test
        void raisingIsNeverAnActionOnAFlagThatExists() {
            assertFalse(openCase(Severity.LOW).allows(ReviewAction.RAISE, PRIYA));
        }

        @Test
        void onlyAnOpenFlagBecomesACase() {
            FlagCase flag = openCase(Severity.LOW);
            assertEquals(OPEN, flag.state());
            assertEquals(ReviewFixtures.TENANT, flag.tenantId());
        }
    }

    @Nested
    class HistoryAndDueTimes {

        @Test
        void everyStepIsRecordedAndTheStatesChain() {
            FlagCase flag = openCase(Severity.HIGH);
            List<FlagTransition> history = new ArrayList<>();
            history.add(flag.claim(DANA, at(1)));
            history.add(flag.release(DANA, "wrong queue", at(2)));
            history.add(flag.assign(SAM, DANA, at(3)));
            history.add(flag.resolve(DANA, Disposition.CONFIRMED, "first try", at(4)));
            history.add(flag.reject(SAM, "look again", at(5)));
            history.add(flag.resolve(DANA, Disposition.NEEDS_AGENT_CHANGE, "second try", at(6)));
            history.add(flag.approve(SAM, null, at(7)));

            assertEquals(List.of(ReviewAction.CLAIM, ReviewAction.RELEASE, ReviewAction.ASSIGN, ReviewAction.RESOLVE,
                    ReviewAction.REJECT, ReviewAction.RESOLVE, ReviewAction.APPROVE),
                    history.stream().map(FlagTransition::action).toList());
            FlagState previous = OPEN;
            for (FlagTransition t : history) {
                assertEquals(previous, t.from(), "each step starts where the last ended: " + t.summary());
                assertEquals(flag.id(), t.flagId());
                assertEquals(ReviewFixtures.TENANT, t.tenantId());
                previous = t.to();
            }
            assertEquals(RESOLVED, previous);
            assertEquals(List.of(at(1), at(2), at(3), at(4), at(5), at(6), at(7)),
                    history.stream().map(FlagTransition::at).toList());
            assertEquals(List.of("u-dana", "u-dana", "u-sam", "u-dana", "u-sam", "u-dana", "u-sam"),
                    history.stream().map(FlagTransition::actorId).toList());
        }

        @Test
        void dueTimeFollowsSeverityAndOverdueEndsWithTheWork() {
            FlagCase critical = openCase(Severity.CRITICAL);
            assertEquals(critical.raisedAt().plus(Severity.CRITICAL.reviewWithin()), critical.dueAt());
            assertFalse(critical.overdue(critical.dueAt()));
            assertTrue(critical.overdue(critical.dueAt().plusSeconds(1)));
            FlagCase low = openCase(Severity.LOW);
            assertEquals(low.raisedAt().plus(Severity.LOW.reviewWithin()), low.dueAt());
            low.claim(DANA, at(1));
            low.resolve(DANA, Disposition.FALSE_POSITIVE, "n", at(2));
            assertFalse(low.overdue(low.dueAt().plusSeconds(3600)), "a resolved flag is never overdue");
        }
    }

    private static void assertTransition(FlagTransition t, ReviewAction action, FlagState from, FlagState to,
                                         Reviewer actor) {
        assertEquals(action, t.action());
        assertEquals(from, t.from());
        assertEquals(to, t.to());
        assertEquals(actor.userId(), t.actorId());
        assertEquals(actor.name(), t.actorName());
    }
}
