package io.vigil.dpia.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the live configuration into the first text of a DPIA and of a record of processing, so that people start
 * from what Vigil knows and write only what it cannot.
 */
public final class Prefill {

    private Prefill() {
    }

    public static String retention(List<RetentionPeriod> periods) {
        return periods.stream().map(r -> "- " + r.dataClass() + ": " + r.describe()).collect(Collectors.joining("\n"));
    }

    public static String models(List<AgentEndpoint> agents) {
        return agents.stream().map(a -> "- agent " + a.agentName() + " v" + a.version() + ": " + a.describe())
                .collect(Collectors.joining("\n"));
    }

    public static String keys(List<KeyInUse> keys) {
        return keys.stream().map(k -> "- " + k.domain() + ": " + k.describe()).collect(Collectors.joining("\n"));
    }

    public static String processors(ConfigurationSnapshot s) {
        return "Upstream model provider(s): " + String.join("; ", s.modelProviders()) + "\n" + models(s.agents());
    }

    public static String security(ConfigurationSnapshot s) {
        return "Recordings encrypted: " + s.encryption() + ".\nTenant keys (customer-managed):\n" + keys(s.keys())
                + "\nTranscripts redacted before storage of: " + String.join(", ", s.redactedEntityTypes())
                + ".\nOriginal transcripts kept only encrypted under the transcript key, opened through an audited"
                + " break-glass path. Tamper-evident audit log (Merkle tree with signed checkpoints).";
    }

    /** A new DPIA's context and principles, from the configuration and (when given) the record it assesses. */
    public static DpiaContent dpia(ConfigurationSnapshot s, ProcessingRecord record) {
        DpiaContent c = DpiaContent.blank();
        ProcessingRecord.Text r = record == null ? new ProcessingRecord.Text() : record.text();
        c.setProcessing(record == null ? "" : r.getActivity() + (r.getPurposes().isBlank() ? "" : ": " + r.getPurposes()));
        c.setData("Voice recordings of callers and of the AI agent, transcripts (stored redacted), session metadata"
                + " and events, review annotations. Personal data types removed from transcripts before storage: "
                + String.join(", ", s.redactedEntityTypes()) + ".");
        c.setLifecycle("Collected during the call; the AI disclosure is delivered and consent recorded before raw"
                + " audio is kept; stored encrypted; reviewed by compliance staff; erased at the end of its retention"
                + " period:\n" + retention(s.retention()));
        c.setSupports("Vigil (application server and PostgreSQL database), the encrypted blob store, the key"
                + " providers:\n" + keys(s.keys()) + "\nThe upstream model endpoint(s):\n" + models(s.agents()));
        c.setPurposes(r.getPurposes());
        c.setRetention(retention(s.retention()));
        c.setProcessors(processors(s));
        c.setTransfers(r.getTransfers());
        c.setMinimisation("Transcripts are redacted before storage (" + s.redactedEntityTypes().size()
                + " personal data types); the caller's number is kept only as a keyed hash.");
        return c;
    }
}
