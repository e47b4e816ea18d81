package io.vigil.session.domain;

/** Why a call needs a person to look at it. Most come from the live pipeline; SUPERVISOR_FLAG from a person. */
public enum FlagReason {
    RISKY_INTENT("Risky caller intent"),
    PROMPT_INJECTION("Prompt-injection attempt"),
    MISSING_CONSENT("Recording consent missing"),
    MISSING_DISCLOSURE("AI disclosure not delivered"),
    AGENT_SPOKE_PII("Agent spoke personal data"),
    HIGH_RISK_TOOL_CALL("High-risk tool call"),
    ABNORMAL_LATENCY("Abnormal response latency"),
    RECORDING_FAILURE("Recording failure"),
    SUPERVISOR_FLAG("Flagged by a supervisor");

    private final String label;

    FlagReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
