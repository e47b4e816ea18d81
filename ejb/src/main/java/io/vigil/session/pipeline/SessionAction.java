package io.vigil.session.pipeline;

/**
 * What the {@link LiveSession} asks of the door (the caller's side) and of the upstream (the model). The gateway of
 * each door turns them into its protocol: for Twilio, {@link PlayToCaller} becomes 20 ms {@code media} frames and a
 * {@code mark}, {@link StopPlayback} a {@code clear}.
 */
public sealed interface SessionAction {

    /** Play agent audio (PCM16 24 kHz), then, if the door can, ask for {@code markName} to be echoed once played. */
    record PlayToCaller(String itemId, byte[] pcm, String markName) implements SessionAction {
    }

    /** Drop all agent audio the door has buffered, now. */
    record StopPlayback(String itemId) implements SessionAction {
    }

    /** Caller audio (PCM16 24 kHz) for the model. */
    record SendCallerAudio(byte[] pcm) implements SessionAction {
    }

    /** Tell the model the caller heard only the first {@code audioEndMs} of an item. */
    record TruncateAgentItem(String itemId, long audioEndMs) implements SessionAction {
    }

    /** Ask the model for a response; {@code instructions} may be null. */
    record RequestResponse(String instructions) implements SessionAction {
    }

    /** A held tool call is released: run it (or let the client run it) and give the model its output. */
    record RunTool(String callId, String name, String arguments) implements SessionAction {
    }

    /** A held tool call is refused: give the model this output instead of running the tool. */
    record DeclineTool(String callId, String output) implements SessionAction {
    }

    /** End the call (close the door and the upstream) with a reason a person can read. */
    record EndCall(String reason) implements SessionAction {
    }
}
