package io.vigil.session.pipeline;

import io.vigil.session.domain.Speaker;
import io.vigil.session.realtime.AudioEventNaming;
import io.vigil.session.realtime.RealtimeEvent;
import java.util.Optional;

/**
 * Translates an OpenAI Realtime upstream's server events into canonical events. Both audio names (beta
 * {@code response.audio.delta}, GA {@code response.output_audio.delta}) become {@link CanonicalEvent.AgentAudio}
 * with the audio as the upstream sent it (a door converts it to its call's rate). Events the pipeline does not govern
 * give nothing (the relay forwards them as they are). Remembers the naming the upstream used, so a relay can answer
 * its client in the same dialect. One instance per upstream connection; not thread-safe.
 */
public final class UpstreamTranslator {

    private AudioEventNaming naming = AudioEventNaming.GA;

    public AudioEventNaming naming() {
        return naming;
    }

    public Optional<CanonicalEvent> translate(RealtimeEvent e) {
        if (e instanceof RealtimeEvent.AudioDelta d) {
            naming = d.naming();
            return Optional.of(new CanonicalEvent.AgentAudio(d.responseId(), d.itemId(), d.audio()));
        } else if (e instanceof RealtimeEvent.SpeechStarted s) {
            return Optional.of(new CanonicalEvent.CallerSpeechStarted(s.audioStartMs()));
        } else if (e instanceof RealtimeEvent.SpeechStopped s) {
            return Optional.of(new CanonicalEvent.CallerSpeechStopped(s.audioEndMs()));
        } else if (e instanceof RealtimeEvent.TranscriptDelta t) {
            naming = t.naming();
            return Optional.of(new CanonicalEvent.TranscriptDelta(Speaker.AGENT, t.itemId(), t.delta()));
        } else if (e instanceof RealtimeEvent.TranscriptDone t) {
            return Optional.of(new CanonicalEvent.TranscriptDone(Speaker.AGENT, t.itemId(), t.transcript()));
        } else if (e instanceof RealtimeEvent.InputTranscriptionCompleted t) {
            return Optional.of(new CanonicalEvent.TranscriptDone(Speaker.CALLER, t.itemId(), t.transcript()));
        } else if (e instanceof RealtimeEvent.FunctionCallArgumentsDone f) {
            return Optional.of(new CanonicalEvent.ToolCall(f.responseId(), f.itemId(), f.callId(), f.name(),
                    f.arguments()));
        } else if (e instanceof RealtimeEvent.ResponseDone r) {
            return Optional.of(new CanonicalEvent.ResponseDone(r.responseId(), r.status()));
        } else if (e instanceof RealtimeEvent.Error err) {
            return Optional.of(new CanonicalEvent.ProtocolError("upstream", err.code(), err.message()));
        }
        return Optional.empty();
    }
}
