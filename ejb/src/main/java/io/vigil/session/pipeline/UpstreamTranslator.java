package io.vigil.session.pipeline;

import io.vigil.session.audio.MuLawCodec;
import io.vigil.session.domain.Speaker;
import io.vigil.session.realtime.AudioEventNaming;
import io.vigil.session.realtime.RealtimeEvent;
import java.util.Optional;

/**
 * Translates an OpenAI Realtime upstream's server events into canonical events. Both audio names (beta
 * {@code response.audio.delta}, GA {@code response.output_audio.delta}) become {@link CanonicalEvent.AgentAudio};
 * agent audio in {@code g711_ulaw} is decoded to PCM16 at its own 8 kHz (a phone call's rate in the pipeline).
 * Events the pipeline does not govern give nothing (the relay forwards them as they are). Remembers the naming the
 * upstream used, so a relay can answer its client in the same dialect. One instance per upstream connection; not thread-safe.
 */
public final class UpstreamTranslator {

    private final boolean agentAudioIsMuLaw;
    private AudioEventNaming naming = AudioEventNaming.GA;

    public UpstreamTranslator(boolean agentAudioIsMuLaw) {
        this.agentAudioIsMuLaw = agentAudioIsMuLaw;
    }

    public AudioEventNaming naming() {
        return naming;
    }

    public Optional<CanonicalEvent> translate(RealtimeEvent e) {
        if (e instanceof RealtimeEvent.AudioDelta d) {
            naming = d.naming();
            byte[] pcm = agentAudioIsMuLaw ? MuLawCodec.decodeToPcm16(d.audio()) : d.audio();
            return Optional.of(new CanonicalEvent.AgentAudio(d.responseId(), d.itemId(), pcm));
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
