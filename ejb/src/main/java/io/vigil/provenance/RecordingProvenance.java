package io.vigil.provenance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the C2PA manifest of one stored recording says, as recorded when it was signed (the call page shows it). */
public record RecordingProvenance(UUID recordingId, String track, String manifestLabel, String title, String signer,
                                  String chainSource, String signingKeyRef, Optional<String> digitalSourceType,
                                  List<String> actions, Optional<String> ingredientLabel, boolean timestamped,
                                  Instant signedAt) {

    public RecordingProvenance {
        actions = List.copyOf(actions);
    }

    /** The last path segment of the digital source type, e.g. {@code trainedAlgorithmicMedia}. */
    public String sourceTypeName() {
        return digitalSourceType.map(t -> t.substring(t.lastIndexOf('/') + 1)).orElse("");
    }

    public boolean demoCertificate() {
        return "DEMO".equals(chainSource);
    }
}
