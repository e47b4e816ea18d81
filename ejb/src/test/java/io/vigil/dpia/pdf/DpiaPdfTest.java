package io.vigil.dpia.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.dpia.domain.AgentEndpoint;
import io.vigil.dpia.domain.ConfigurationSnapshot;
import io.vigil.dpia.domain.RetentionPeriods;
import io.vigil.retention.domain.DefaultPolicies;
import io.vigil.dpia.domain.Dpia;
import io.vigil.dpia.domain.DpiaActor;
import io.vigil.dpia.domain.DpiaContent;
import io.vigil.dpia.domain.DpiaRole;
import io.vigil.dpia.domain.FactChange;
import io.vigil.dpia.domain.KeyInUse;
import io.vigil.dpia.domain.Prefill;
import io.vigil.dpia.domain.ProcessingRecord;
import io.vigil.dpia.domain.RiskKind;
import io.vigil.tenancy.TenantId;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class DpiaPdfTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final ConfigurationSnapshot LIVE = new ConfigurationSnapshot(
            List.of(new AgentEndpoint("Billing assistant", 2, "gpt-realtime-2025-08-28", "api.openai.com", "OpenAI")),
            RetentionPeriods.of(DefaultPolicies.standard()),
            List.of(new KeyInUse("audio", "bcfks", "tenant-acme-audio")),
            List.of("CREDIT_CARD", "US_SSN"), "AES-256-GCM per track");

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // lines wrap wherever the layout breaks them; the tests read the words, not the line breaks
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    void aDpiaRendersWithItsSectionsRiskMapAndTheFactsItReliedOn() throws IOException {
        DpiaActor author = DpiaActor.of("u1", "Ann Author", DpiaRole.COMPLIANCE_OFFICER);
        DpiaContent content = Prefill.dpia(LIVE, null);
        content.setProcessing("AI voice agent for customer support – “quoted” → arrows ✓");
        content.setLegalBasis("Contract, Art. 6(1)(b) GDPR");
        content.setPurposes("Answer card and account questions");
        content.setDpoOpinion("Favourable, subject to the action plan");
        content.setActionPlan(("Review quarterly. ").repeat(400));
        content.risk(RiskKind.ILLEGITIMATE_ACCESS).setSeverity(3);
        content.risk(RiskKind.ILLEGITIMATE_ACCESS).setLikelihood(2);
        content.risk(RiskKind.ILLEGITIMATE_ACCESS).setThreats("an insider replays recordings");
        for (var r : content.getRisks()) {
            if (r.getSeverity() == 0) {
                r.setSeverity(1);
                r.setLikelihood(1);
            }
        }
        Dpia dpia = Dpia.draft(UUID.randomUUID(), TENANT, null, "Card support line", content, author, NOW);
        dpia.submit(author, NOW);
        dpia.approve(DpiaActor.of("u2", "Otto Officer", DpiaRole.COMPLIANCE_OFFICER), "approved for launch",
                LIVE.facts(), NOW);
        List<FactChange> drift = List.of(new FactChange("upstream.Billing assistant", "Upstream model of agent Billing assistant",
                "gpt-realtime-2025-08-28 at api.openai.com (OpenAI)", "gpt-5 at api.openai.com (OpenAI)"));

        byte[] pdf = DpiaPdf.render("Acme Bank", dpia, dpia.reliedFacts().orElseThrow(), drift, NOW);

        String text = text(pdf);
        int pages = pages(pdf);
        assertTrue(pages >= 5, "title page, sections, annexes: " + pages);
        assertTrue(text.contains("Data protection impact assessment: Card support line"), text);
        assertTrue(text.contains("Page 1 of " + pages) && text.contains("Page " + pages + " of " + pages));
        for (String expected : List.of("1. Context", "2. Fundamental principles", "3. Risks", "Risk map",
                "4. Validation", "Contract, Art. 6(1)(b) GDPR", "an insider replays recordings", "3 - significant",
                "Otto Officer", "approved for launch", "AI voice agent for customer support - \"quoted\" -> arrows ?",
                // pre-filled facts from the configuration
                "gpt-realtime-2025-08-28 at api.openai.com (OpenAI)", "raw caller audio", "90 days, then crypto-shred",
                "bcfks key tenant-acme-audio", "Redaction of US_SSN", "Changes since approval", "gpt-5 at api.openai.com")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
    }

    @Test
    void theRecordsOfProcessingRenderWithTheLiveConfiguration() throws IOException {
        ProcessingRecord.Text t = new ProcessingRecord.Text();
        t.setActivity("AI voice agent for customer support");
        t.setControllerContact("Acme Bank plc, 1 Main Street, privacy@acme.example");
        t.setDpoContact("dpo@acme.example");
        t.setDataSubjects("customers and prospects calling the support line");
        ProcessingRecord record = new ProcessingRecord(UUID.randomUUID(), TENANT, t, "Ann Author", NOW);

        byte[] pdf = ProcessingRecordsPdf.render("Acme Bank", List.of(record), LIVE, NOW);

        String text = text(pdf);
        assertTrue(pages(pdf) >= 3);
        for (String expected : List.of("Records of processing activities", "GDPR Article 30 - Acme Bank",
                "1. AI voice agent for customer support", "privacy@acme.example", "dpo@acme.example",
                "customers and prospects", "gpt-realtime-2025-08-28", "api.openai.com", "OpenAI",
                "raw caller audio", "crypto-shred", "tenant-acme-audio", "CREDIT_CARD, US_SSN", "Page 1 of")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
    }
}
