package io.vigil.discovery.domain;

import io.vigil.crypto.bundle.EntryDigest;
import java.time.Instant;
import java.util.UUID;

/**
 * One produced document (a call) as the load files describe it, recorded when the call's files are staged so the
 * load files can be written later without loading the call again. {@code nativeFile} and {@code textFile} are null
 * when the request left them out.
 */
public record ExportDocument(int ordinal, String productionNumber, UUID callId, Instant startedAt, long durationMs,
                             String custodian, String agent, String channel, String confidentiality,
                             EntryDigest nativeFile, EntryDigest textFile) {
}
