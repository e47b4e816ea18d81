package io.vigil.session.pipeline;

import io.vigil.session.domain.Speaker;

/**
 * What a live session is made of, whichever door the call came through and whichever upstream answers. Doors and
 * upstreams translate their protocol into these and the {@link LiveSession} sees nothing else. Audio is always PCM16,
 * 24 kHz, mono, little-endian; positions are milliseconds.
 */
public sealed interface CanonicalEvent {

    /** A frame of the caller's audio. */
    record CallerAudio(byte[] pcm) implements CanonicalEvent {
    }

    /** A chunk of the agent's reply audio, for one item of one response. */
    record AgentAudio(String responseId, String itemId, byte[] pcm) implements CanonicalEvent {
    }

    /** The caller began to speak, at this position of the caller's audio stream (a barge-in if the agent talks). */
    record CallerSpeechStarted(long audioStartMs) implements CanonicalEvent {
    }

    /** The caller stopped speaking. */
    record CallerSpeechStopped(long audioEndMs) implements CanonicalEvent {
    }

    /** The door says audio sent before the mark with this name has been played to the caller. */
    record PlaybackMark(String name) implements CanonicalEvent {
    }

    /** Part of a transcript; for the agent, items stream word by word. */
    record TranscriptDelta(Speaker speaker, String itemId, String text) implements CanonicalEvent {
    }

    /** The complete transcript of an item (the caller's turn or the agent's reply). */
    record TranscriptDone(Speaker speaker, String itemId, String text) implements CanonicalEvent {
    }

    /** The agent wants a tool called. */
    record ToolCall(String responseId, String itemId, String callId, String name, String arguments)
            implements CanonicalEvent {
    }

    /** A response of the agent ended: completed, cancelled, failed or incomplete. */
    record ResponseDone(String responseId, String status) implements CanonicalEvent {
    }

    /** A key the caller pressed. */
    record Dtmf(String digit) implements CanonicalEvent {
    }

    /** A frame that could not be used (malformed, oversized, after the end, or an upstream error). */
    record ProtocolError(String source, String code, String message) implements CanonicalEvent {
    }

    /** The call is over; {@code endedBy} is CALLER, AGENT, POLICY or ERROR. */
    record Hangup(String endedBy) implements CanonicalEvent {
    }
}
