package io.vigil.session.pipeline;

import java.util.List;
import java.util.Set;

/**
 * The tenant's and agent profile's rules for a live session.
 *
 * @param consentRequired      whether recording needs the caller's consent (by jurisdiction); if not, recording
 *                             starts at once
 * @param onConsentRefused     go on without recording, or end the call
 * @param disclosureText       the tenant's AI disclosure, asked for verbatim when the agent's first turn lacks it
 * @param disclosurePhrases    lower-case phrases of which one must be in the agent's first turn for it to count as
 *                             the disclosure
 * @param consentYesDigit      DTMF key that gives consent
 * @param consentNoDigit       DTMF key that refuses it
 * @param highRiskTools        tool names held until the caller confirms
 * @param abnormalLatencyMs    end of caller speech to first agent audio above this raises a flag
 * @param onRecordingFailure   go on without recording, or end the call, when the recorder fails
 * @param gatewayDriven        the gateway drives the model (Twilio, browser): it asks for responses, truncates on
 *                             barge-in and runs tools; false for the /v1/realtime relay, whose client does that
 */
public record SessionPolicy(boolean consentRequired, OnFailure onConsentRefused, String disclosureText,
                            List<String> disclosurePhrases, String consentYesDigit, String consentNoDigit,
                            Set<String> highRiskTools, long abnormalLatencyMs, OnFailure onRecordingFailure,
                            boolean gatewayDriven) {

    /** What to do when a condition for recording fails. */
    public enum OnFailure { CONTINUE_WITHOUT_RECORDING, END_CALL }

    public SessionPolicy {
        disclosurePhrases = List.copyOf(disclosurePhrases);
        highRiskTools = Set.copyOf(highRiskTools);
    }

    /** Consent required, refusal continues unrecorded, refunds and payments held, 3 s latency limit. */
    public static SessionPolicy defaults() {
        return new SessionPolicy(true, OnFailure.CONTINUE_WITHOUT_RECORDING,
                "You are speaking with an AI assistant. This call may be recorded. Do you agree to this call being"
                        + " recorded?",
                List.of("ai assistant", "ai agent", "an ai", "virtual assistant", "artificial intelligence",
                        "automated assistant"),
                "1", "2", Set.of("issue_refund", "make_payment", "change_password"), 3000,
                OnFailure.CONTINUE_WITHOUT_RECORDING, true);
    }

    public SessionPolicy withConsentRefused(OnFailure what) {
        return new SessionPolicy(consentRequired, what, disclosureText, disclosurePhrases, consentYesDigit,
                consentNoDigit, highRiskTools, abnormalLatencyMs, onRecordingFailure, gatewayDriven);
    }

    public SessionPolicy withRecordingFailure(OnFailure what) {
        return new SessionPolicy(consentRequired, onConsentRefused, disclosureText, disclosurePhrases,
                consentYesDigit, consentNoDigit, highRiskTools, abnormalLatencyMs, what, gatewayDriven);
    }

    public SessionPolicy withGatewayDriven(boolean driven) {
        return new SessionPolicy(consentRequired, onConsentRefused, disclosureText, disclosurePhrases,
                consentYesDigit, consentNoDigit, highRiskTools, abnormalLatencyMs, onRecordingFailure, driven);
    }

    public SessionPolicy withConsentRequired(boolean required) {
        return new SessionPolicy(required, onConsentRefused, disclosureText, disclosurePhrases, consentYesDigit,
                consentNoDigit, highRiskTools, abnormalLatencyMs, onRecordingFailure, gatewayDriven);
    }
}
