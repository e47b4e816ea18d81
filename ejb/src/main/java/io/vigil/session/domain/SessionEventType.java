package io.vigil.session.domain;

/**
 * The canonical events a live session produces, whatever door it came through. The payload of each is a JSON
 * object with these fields:
 * <ul>
 *   <li>SESSION_STARTED: {@code channel}</li>
 *   <li>DISCLOSURE_DELIVERED: {@code text}</li>
 *   <li>CONSENT_GIVEN, CONSENT_REFUSED: {@code utterance}</li>
 *   <li>BARGE_IN: {@code playedMs} (agent audio actually heard), {@code reactionMs} (until playback stopped)</li>
 *   <li>TOOL_CALL: {@code name}, {@code risk} (LOW or HIGH), {@code gated} (boolean)</li>
 *   <li>POLICY_TRIGGER: {@code policy}, {@code detail}</li>
 *   <li>RESPONSE_DONE: {@code firstAudioMs} (end of caller speech to first agent audio), {@code totalMs}</li>
 *   <li>RECORDING_PAUSED, RECORDING_RESUMED: {@code reason} (e.g. PCI)</li>
 *   <li>SESSION_ENDED: {@code endedBy}</li>
 * </ul>
 */
public enum SessionEventType {
    SESSION_STARTED,
    DISCLOSURE_DELIVERED,
    CONSENT_GIVEN,
    CONSENT_REFUSED,
    BARGE_IN,
    TOOL_CALL,
    POLICY_TRIGGER,
    RESPONSE_DONE,
    RECORDING_PAUSED,
    RECORDING_RESUMED,
    SESSION_ENDED
}
