package io.vigil.dpia.pdf;

import io.vigil.dpia.domain.AgentEndpoint;
import io.vigil.dpia.domain.ConfigurationSnapshot;
import io.vigil.dpia.domain.KeyInUse;
import io.vigil.dpia.domain.ProcessingRecord;
import io.vigil.dpia.domain.RetentionPeriod;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's records of processing activities (GDPR Art. 30) as a PDF: a title page, then one section per activity
 * with the fields of Art. 30(1) as written by people, followed by what the live configuration says (model
 * providers and endpoints, retention per data class, keys, redaction), which applies to every activity.
 */
public final class ProcessingRecordsPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ProcessingRecordsPdf() {
    }

    public static byte[] render(String organisation, List<ProcessingRecord> records, ConfigurationSnapshot live,
                                Instant generatedAt) {
        try (PdfLayout pdf = new PdfLayout("Records of processing: " + organisation,
                "Records of processing activities - " + organisation)) {
            pdf.titlePage("Records of processing activities", "GDPR Article 30 - " + organisation, List.of(
                    new String[] {"Controller", organisation},
                    new String[] {"Processing activities", Integer.toString(records.size())},
                    new String[] {"Document produced", WHEN.format(generatedAt)}));
            pdf.heading("About this record");
            pdf.paragraph("Each section describes one processing activity performed with AI voice agents governed by"
                    + " Vigil. The fields follow Article 30(1) GDPR. Technical facts (the AI model providers and their"
                    + " endpoints, retention periods, encryption keys and redaction) are read from the live"
                    + " configuration of the system when this document is produced; they are listed in the last"
                    + " section and apply to every activity.");
            int n = 1;
            for (ProcessingRecord r : records) {
                ProcessingRecord.Text t = r.text();
                pdf.heading(n++ + ". " + t.getActivity());
                pdf.table(new float[] {0.3f, 0.7f}, null, List.of(
                        new String[] {"Controller (name and contact)", t.getControllerContact()},
                        new String[] {"Data protection officer", t.getDpoContact()},
                        new String[] {"Purposes of the processing", t.getPurposes()},
                        new String[] {"Categories of data subjects", t.getDataSubjects()},
                        new String[] {"Categories of personal data", t.getPersonalData()},
                        new String[] {"Recipients", t.getRecipients()},
                        new String[] {"Processors", t.getProcessors() + "\nModel provider(s) from the configuration: "
                                + String.join("; ", live.modelProviders())},
                        new String[] {"Transfers to third countries and safeguards", t.getTransfers()},
                        new String[] {"Time limits for erasure", t.getErasureLimits()
                                + "\nSee the retention periods in the configuration section."},
                        new String[] {"Technical and organisational security measures", t.getSecurityMeasures()},
                        new String[] {"Last updated", WHEN.format(r.updatedAt()) + (r.updatedBy() == null ? "" : " by " + r.updatedBy())}));
            }
            pdf.heading(n + ". From the live configuration");
            pdf.subheading("AI agents and their upstream model endpoints");
            List<String[]> agents = new ArrayList<>();
            for (AgentEndpoint a : live.agents()) {
                agents.add(new String[] {a.agentName() + " v" + a.version(), a.model(), a.endpoint(), a.provider()});
            }
            pdf.table(new float[] {0.22f, 0.3f, 0.22f, 0.26f}, new String[] {"Agent", "Model", "Endpoint", "Provider"}, agents);
            pdf.subheading("Retention periods (erasure time limits) per data class");
            List<String[]> retention = new ArrayList<>();
            for (RetentionPeriod p : live.retention()) {
                retention.add(new String[] {p.dataClass(), p.days() + " days", p.actionAtExpiry()});
            }
            pdf.table(new float[] {0.45f, 0.2f, 0.35f}, new String[] {"Data class", "Period", "At expiry"}, retention);
            pdf.subheading("Encryption and keys");
            pdf.paragraph("Recordings: " + live.encryption() + ".");
            List<String[]> keys = new ArrayList<>();
            for (KeyInUse k : live.keys()) {
                keys.add(new String[] {k.domain(), k.providerId(), k.keyId()});
            }
            pdf.table(new float[] {0.2f, 0.25f, 0.55f}, new String[] {"Data domain", "Key provider", "Key"}, keys);
            pdf.subheading("Personal data redacted from transcripts before storage");
            pdf.paragraph(String.join(", ", live.redactedEntityTypes()));
            return pdf.finish();
        }
    }
}
