package io.vigil.session.domain;

import java.util.List;

/** Everything the call page shows about one call. */
public record CallDetail(CallSession session, AgentProfile agentProfile, List<TranscriptSegment> transcript,
                         List<SessionEvent> events, List<Flag> flags) {
    public CallDetail {
        transcript = List.copyOf(transcript);
        events = List.copyOf(events);
        flags = List.copyOf(flags);
    }
}
