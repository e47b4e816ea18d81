package io.vigil.recording;

import java.time.Instant;
import java.util.UUID;

/** What the console shows of one recorded track; never any key material. */
public record RecordingInfo(UUID id, UUID sessionId, String track, long durationMs, String format, long sizeBytes,
                            boolean complete, String keyRef, Instant createdAt, Instant shreddedAt) {

    public boolean shredded() {
        return shreddedAt != null;
    }
}
