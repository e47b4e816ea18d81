package io.vigil.discovery.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One call as a bundle needs it: its facts for the load files, its transcript lines (as stored: redacted), the
 * JSON of its events, annotations and flag reviews (already chosen by the request), and its audio (the decrypted
 * WAV, or null when the call has none or the request wants none).
 */
public record CallMaterial(UUID callId, Instant startedAt, long durationMs, String custodian, String agent,
                           String channel, List<Line> transcript, String metadataJson, byte[] audio) {

    /** One transcript line: who spoke, when (ms from the call's start), what. */
    public record Line(String speaker, long startMs, long endMs, String text) {
    }

    public CallMaterial {
        transcript = List.copyOf(transcript);
    }
}
