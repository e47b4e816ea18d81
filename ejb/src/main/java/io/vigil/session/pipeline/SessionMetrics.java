package io.vigil.session.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one live session, reported in its SESSION_ENDED event: time to first agent audio, per-turn latency,
 * barge-in reaction, frames in and out, agent frames dropped by barge-in or the disclosure gate, and refused frames.
 */
public final class SessionMetrics {

    long framesIn;
    long framesOut;
    long framesDropped;
    long badFrames;
    long firstAgentAudioMs = -1;
    final List<Long> turnLatenciesMs = new ArrayList<>();
    final List<Long> bargeInReactionMs = new ArrayList<>();

    public long framesIn() { return framesIn; }
    public long framesOut() { return framesOut; }
    public long framesDropped() { return framesDropped; }
    public long badFrames() { return badFrames; }
    public long firstAgentAudioMs() { return firstAgentAudioMs; }
    public List<Long> turnLatenciesMs() { return List.copyOf(turnLatenciesMs); }
    public List<Long> bargeInReactionMs() { return List.copyOf(bargeInReactionMs); }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("framesIn", framesIn).put("framesOut", framesOut).put("framesDropped", framesDropped)
                .put("badFrames", badFrames).put("firstAgentAudioMs", firstAgentAudioMs);
        turnLatenciesMs.forEach(o.putArray("turnLatenciesMs")::add);
        bargeInReactionMs.forEach(o.putArray("bargeInReactionMs")::add);
        return o;
    }
}
