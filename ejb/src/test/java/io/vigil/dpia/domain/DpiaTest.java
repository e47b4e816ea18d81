package io.vigil.dpia.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DpiaTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final DpiaActor AUTHOR = DpiaActor.of("u-1", "Ann Author", DpiaRole.COMPLIANCE_OFFICER);
    private static final DpiaActor OTHER = DpiaActor.of("u-2", "Otto Officer", DpiaRole.COMPLIANCE_OFFICER);
    private static final DpiaActor ADMIN = DpiaActor.of("u-3", "Ada Admin", DpiaRole.ADMIN);
    private static final DpiaActor LEGAL = DpiaActor.of("u-4", "Lee Legal", DpiaRole.LEGAL);
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final ConfigurationFacts FACTS = ConfigurationFacts.of(List.of(
            new ConfigurationFact("upstream.A", "Upstream model of agent A", "gpt-realtime at x (OpenAI)")));

    static DpiaContent complete() {
        DpiaContent c = DpiaContent.blank();
        c.setProcessing("AI voice agent for customer support");
        c.setPurposes("answer customers' questions");
        c.setLegalBasis("contract, Art. 6(1)(b)");
        c.setRetention("90 days");
        for (DpiaRisk r : c.getRisks()) {
            r.setSeverity(2);
            r.setLikelihood(r.getKind().ordinal() + 1);
        }
        c.setDpoOpinion("favourable");
        return c;
    }

    private static Dpia inReview(DpiaActor author) {
        Dpia d = Dpia.draft(UUID.randomUUID(), TENANT, null, "Support line", complete(), author, NOW);
        d.submit(author, NOW);
        return d;
    }

    @Test
    void aDraftGoesToReviewOnlyWhenComplete() {
        Dpia d = Dpia.draft(UUID.randomUUID(), TENANT, null, "Support line", DpiaContent.blank(), AUTHOR, NOW);
        DpiaException e = assertThrows(DpiaException.Invalid.class, () -> d.submit(AUTHOR, NOW));
        assertTrue(e.getMessage().contains("the legal basis"), e.getMessage());
        assertTrue(e.getMessage().contains("Illegitimate access"), e.getMessage());
        d.edit(AUTHOR, "Support line", complete(), NOW);
        d.submit(AUTHOR, NOW);
        assertEquals(DpiaState.IN_REVIEW, d.state());
    }

    @Test
    void theAuthorCannotApproveTheirOwnAssessment() {
        Dpia d = inReview(AUTHOR);
        assertThrows(DpiaException.NotPermitted.class, () -> d.approve(AUTHOR, "ok", FACTS, NOW));
        assertThrows(DpiaException.NotPermitted.class, () -> d.refuse(AUTHOR, "no", NOW));
        d.approve(OTHER, "ok", FACTS, NOW);
        assertEquals(DpiaState.APPROVED, d.state());
        assertEquals(FACTS, d.reliedFacts().orElseThrow());
        assertEquals(FACTS.fingerprint(), d.factsFingerprint());
    }

    @Test
    void adminsWriteButOnlyComplianceOfficersDecideAndLegalOnlyReads() {
        assertThrows(DpiaException.NotPermitted.class,
                () -> Dpia.draft(UUID.randomUUID(), TENANT, null, "t", complete(), LEGAL, NOW));
        Dpia d = inReview(ADMIN);
        assertThrows(DpiaException.NotPermitted.class, () -> d.approve(LEGAL, "ok", FACTS, NOW));
        d.approve(AUTHOR, "ok", FACTS, NOW);
        assertEquals("Ann Author", d.decidedByName());
    }

    @Test
    void anApprovedVersionIsFrozenAndAChangeIsANewVersion() {
        Dpia d = inReview(AUTHOR);
        d.approve(OTHER, "ok", FACTS, NOW);
        DpiaException e = assertThrows(DpiaException.WrongState.class, () -> d.edit(AUTHOR, "x", complete(), NOW));
        assertTrue(e.getMessage().contains("new version"), e.getMessage());
        assertThrows(DpiaException.WrongState.class, () -> d.submit(AUTHOR, NOW));

        Dpia next = d.nextVersion(UUID.randomUUID(), OTHER, NOW);
        assertEquals(2, next.version());
        assertEquals(d.seriesId(), next.seriesId());
        assertEquals(DpiaState.DRAFT, next.state());
        assertEquals("Otto Officer", next.authorName());
        assertEquals("", next.content().getDpoOpinion(), "the opinion was about the previous version");
        assertEquals("contract, Art. 6(1)(b)", next.content().getLegalBasis());
        assertTrue(next.reliedFacts().isEmpty());
    }

    @Test
    void aRefusalNeedsAReasonAndIsFinalForItsVersion() {
        Dpia d = inReview(AUTHOR);
        assertThrows(DpiaException.Invalid.class, () -> d.refuse(OTHER, " ", NOW));
        d.refuse(OTHER, "risk 1 needs a planned measure", NOW);
        assertEquals(DpiaState.REFUSED, d.state());
        assertThrows(DpiaException.WrongState.class, () -> d.approve(OTHER, "ok", FACTS, NOW));
        assertThrows(DpiaException.WrongState.class, () -> inReview(AUTHOR).nextVersion(UUID.randomUUID(), AUTHOR, NOW));
    }

    @Test
    void contentSurvivesItsJsonForm() {
        DpiaContent c = complete();
        c.risk(RiskKind.DISAPPEARANCE).setPlannedMeasures("second site backup");
        DpiaContent back = DpiaContent.fromJson(c.toJson());
        assertEquals("second site backup", back.risk(RiskKind.DISAPPEARANCE).getPlannedMeasures());
        assertEquals(3, back.getRisks().size());
        assertEquals(c.toJson(), back.toJson());
    }

    @Test
    void theRiskMapPlacesAssessedRisks() {
        DpiaContent c = complete();
        c.risk(RiskKind.ILLEGITIMATE_ACCESS).setSeverity(4);
        c.risk(RiskKind.ILLEGITIMATE_ACCESS).setLikelihood(3);
        c.risk(RiskKind.DISAPPEARANCE).setSeverity(0);
        List<RiskMap.Point> points = RiskMap.of(c);
        assertEquals(2, points.size());
        assertEquals("high", points.get(0).zone());
        assertTrue(RiskMap.chartJson(c).contains("{\"x\":3,\"y\":4"), RiskMap.chartJson(c));
    }
}
