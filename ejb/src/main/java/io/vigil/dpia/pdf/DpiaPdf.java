package io.vigil.dpia.pdf;

import io.vigil.dpia.domain.ConfigurationFact;
import io.vigil.dpia.domain.ConfigurationFacts;
import io.vigil.dpia.domain.Dpia;
import io.vigil.dpia.domain.DpiaContent;
import io.vigil.dpia.domain.DpiaRisk;
import io.vigil.dpia.domain.FactChange;
import io.vigil.dpia.domain.RiskMap;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A DPIA version as a PDF for someone who never saw Vigil: a title page (organisation, processing, version, state,
 * who decided and when), a short guide to the method, the four parts of the CNIL method, the risk map drawn as a
 * grid, the configuration facts the assessment relied on (or the live ones for a version not yet approved) and,
 * when the configuration drifted, what changed.
 */
public final class DpiaPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private DpiaPdf() {
    }

    /** {@code facts}: what the approval kept, or the live configuration for an open version. */
    public static byte[] render(String organisation, Dpia dpia, ConfigurationFacts facts, List<FactChange> drift,
                                Instant generatedAt) {
        DpiaContent c = dpia.content();
        try (PdfLayout pdf = new PdfLayout("DPIA: " + dpia.title(), "Data protection impact assessment - "
                + organisation + " - " + dpia.title() + " - version " + dpia.version())) {
            List<String[]> cover = new ArrayList<>();
            cover.add(new String[] {"Organisation (controller)", organisation});
            cover.add(new String[] {"Version", Integer.toString(dpia.version())});
            cover.add(new String[] {"Status", dpia.state().label() + (drift.isEmpty() ? "" : " - needs review: the configuration changed since approval")});
            cover.add(new String[] {"Written by", dpia.authorName() + ", started " + WHEN.format(dpia.createdAt())});
            if (dpia.decidedAt() != null) {
                cover.add(new String[] {"Decided by", dpia.decidedByName() + ", " + WHEN.format(dpia.decidedAt())});
                cover.add(new String[] {"Decision note", dpia.decisionNote() == null ? "" : dpia.decisionNote()});
            }
            cover.add(new String[] {"Document produced", WHEN.format(generatedAt)});
            pdf.titlePage("Data protection impact assessment: " + dpia.title(),
                    "GDPR Article 35, following the structure of the CNIL PIA method", cover);

            pdf.heading("How to read this document");
            pdf.paragraph("This assessment describes a processing of personal data by an AI voice agent governed by"
                    + " Vigil, weighs it against the principles of the GDPR, and rates the risks to the people"
                    + " concerned. Part 1 describes the processing; part 2 how it meets the principles; part 3 rates"
                    + " three feared events (illegitimate access, unwanted modification and disappearance of data) by"
                    + " severity and likelihood from 1 (negligible) to 4 (maximum); part 4 holds the opinion of the"
                    + " data protection officer and the decision. The annex lists the technical facts taken from the"
                    + " live configuration of the system.");

            List<DpiaContent.Section> sections = c.sections();
            section(pdf, sections.get(0));
            section(pdf, sections.get(1));

            pdf.heading("3. Risks");
            int n = 1;
            for (DpiaRisk r : c.getRisks()) {
                pdf.subheading("3." + n + " " + r.getKind().label());
                pdf.table(new float[] {0.28f, 0.72f}, null, List.of(
                        new String[] {"Risk sources", r.getSources()},
                        new String[] {"Threats", r.getThreats()},
                        new String[] {"Impacts on the persons", r.getImpacts()},
                        new String[] {"Existing measures", r.getExistingMeasures()},
                        new String[] {"Planned measures", r.getPlannedMeasures()},
                        new String[] {"Severity", level(r.getSeverity())},
                        new String[] {"Likelihood", level(r.getLikelihood())}));
                n++;
            }
            pdf.subheading("Risk map");
            List<int[]> points = new ArrayList<>();
            List<String[]> legend = new ArrayList<>();
            int i = 1;
            for (DpiaRisk r : c.getRisks()) {
                if (r.assessed()) {
                    points.add(new int[] {i, r.getLikelihood(), r.getSeverity()});
                }
                legend.add(new String[] {Integer.toString(i), r.getKind().label(), level(r.getSeverity()),
                        level(r.getLikelihood()), r.assessed() ? RiskMap.zone(r.getSeverity(), r.getLikelihood()) : "-"});
                i++;
            }
            pdf.riskMap(points);
            pdf.table(new float[] {0.06f, 0.38f, 0.2f, 0.2f, 0.16f},
                    new String[] {"#", "Feared event", "Severity", "Likelihood", "Zone"}, legend);

            section(pdf, sections.get(2));

            pdf.heading("Annex A. Configuration facts");
            pdf.paragraph(dpia.reliedFacts().isPresent()
                    ? "The facts below were read from the live configuration when this version was approved"
                    + " (fingerprint " + dpia.factsFingerprint() + ")."
                    : "This version is not approved; the facts below are the live configuration when the document"
                    + " was produced.");
            List<String[]> rows = new ArrayList<>();
            for (ConfigurationFact f : facts.all()) {
                rows.add(new String[] {f.label(), f.value()});
            }
            pdf.table(new float[] {0.4f, 0.6f}, new String[] {"Fact", "Value"}, rows);
            if (!drift.isEmpty()) {
                pdf.heading("Annex B. Changes since approval (needs review)");
                pdf.paragraph("The live configuration no longer matches what this assessment relied on. Review these"
                        + " changes and approve a new version.");
                List<String[]> changes = new ArrayList<>();
                for (FactChange ch : drift) {
                    changes.add(new String[] {ch.label(), ch.before() == null ? "(not present)" : ch.before(),
                            ch.after() == null ? "(no longer present)" : ch.after()});
                }
                pdf.table(new float[] {0.34f, 0.33f, 0.33f}, new String[] {"Fact", "At approval", "Now"}, changes);
            }
            return pdf.finish();
        }
    }

    private static void section(PdfLayout pdf, DpiaContent.Section section) {
        pdf.heading(section.title());
        for (DpiaContent.Field f : section.fields()) {
            pdf.subheading(f.label());
            pdf.paragraph(f.text());
        }
    }

    private static String level(int level) {
        return level == 0 ? "not assessed" : level + " - " + DpiaRisk.scaleLabel(level);
    }
}
