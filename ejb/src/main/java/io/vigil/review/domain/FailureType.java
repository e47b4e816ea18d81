package io.vigil.review.domain;

/** Where a voice agent failed, as a supervisor marks it on a call's timeline. */
public enum FailureType {
    ASR_ERROR("Speech recognition error"),
    WRONG_INTENT("Wrong intent"),
    POLICY_BREACH("Policy breach"),
    BARGE_IN_FAILURE("Barge-in failure"),
    LATENCY("Latency"),
    OTHER("Other");

    private final String label;

    FailureType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
