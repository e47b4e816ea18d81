package io.vigil.session.domain;

import java.util.List;

/**
 * The stored figures of one live session ({@code session_metrics}): see {@code SessionMetrics} for how each is
 * measured. {@code firstAgentAudioMs} is null when the agent never spoke.
 */
public record LiveMetrics(long durationMs, Long firstAgentAudioMs, List<Long> turnLatencyMs,
                          List<Long> bargeInReactionMs, long callerTalkMs, long agentTalkMs, long silenceMs,
                          long framesIn, long framesOut, long framesDropped, long badFrames, long pciPausedMs) {

    public LiveMetrics {
        turnLatencyMs = List.copyOf(turnLatencyMs);
        bargeInReactionMs = List.copyOf(bargeInReactionMs);
    }

    /** The median turn latency, or null without turns. */
    public Long medianTurnLatencyMs() {
        return median(turnLatencyMs);
    }

    public Long maxTurnLatencyMs() {
        return turnLatencyMs.stream().max(Long::compare).orElse(null);
    }

    public Long maxBargeInReactionMs() {
        return bargeInReactionMs.stream().max(Long::compare).orElse(null);
    }

    private static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
