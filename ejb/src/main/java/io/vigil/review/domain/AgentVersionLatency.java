package io.vigil.review.domain;

/**
 * How one agent profile version answered over a window: median and 95th percentile of the time from the end of the
 * caller's speech to the agent's first audio (RESPONSE_DONE {@code firstAudioMs}; null without any response), and
 * the share of its calls with at least one barge-in.
 */
public record AgentVersionLatency(String agentProfile, int version, long calls, long callsWithBargeIn,
                                  Double medianMs, Double p95Ms) {

    public String label() {
        return agentProfile + " v" + version;
    }

    /** Percentage of calls with a barge-in, 0 when there were no calls. */
    public double bargeInRatePercent() {
        return calls == 0 ? 0 : 100.0 * callsWithBargeIn / calls;
    }
}
