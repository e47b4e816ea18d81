package io.vigil.session.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one live session, reported in its SESSION_ENDED event (and stored as its {@code session_metrics}
 * row): time to first agent audio, per-turn latency, barge-in reaction, frames in and out, agent frames dropped by
 * barge-in or the disclosure gate, refused frames, talk and silence time (caller speech from the model's voice
 * activity detection, agent speech from the audio forwarded; silence is the rest of the call) and the caller audio
 * recorded as silence by the PCI pause.
 */
public final class SessionMetrics {

    long framesIn;
    long framesOut;
    long framesDropped;
    long badFrames;
    long firstAgentAudioMs = -1;
    long callerTalkMs;
    long agentTalkMs;
    long silenceMs;
    long durationMs;
    long pciPausedMs;
    final List<Long> turnLatenciesMs = new ArrayList<>();
    final List<Long> bargeInReactionMs = new ArrayList<>();

    public long framesIn() { return framesIn; }
    public long framesOut() { return framesOut; }
    public long framesDropped() { return framesDropped; }
    public long badFrames() { return badFrames; }
    public long firstAgentAudioMs() { return firstAgentAudioMs; }
    public long callerTalkMs() { return callerTalkMs; }
    public long agentTalkMs() { return agentTalkMs; }
    public long silenceMs() { return silenceMs; }
    public long durationMs() { return durationMs; }
    public long pciPausedMs() { return pciPausedMs; }
    public List<Long> turnLatenciesMs() { return List.copyOf(turnLatenciesMs); }
    public List<Long> bargeInReactionMs() { return List.copyOf(bargeInReactionMs); }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("framesIn", framesIn).put("framesOut", framesOut).put("framesDropped", framesDropped)
                .put("badFrames", badFrames).put("firstAgentAudioMs", firstAgentAudioMs)
                .put("callerTalkMs", callerTalkMs).put("agentTalkMs", agentTalkMs).put("silenceMs", silenceMs)
                .put("durationMs", durationMs).put("pciPausedMs", pciPausedMs);
        turnLatenciesMs.forEach(o.putArray("turnLatenciesMs")::add);
        bargeInReactionMs.forEach(o.putArray("bargeInReactionMs")::add);
        return o;
    }
}
