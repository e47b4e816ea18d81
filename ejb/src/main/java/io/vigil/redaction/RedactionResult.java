package io.vigil.redaction;

import java.util.List;

/** The redacted text plus every span that was replaced, in original-text offsets, sorted by start. */
public record RedactionResult(String redactedText, List<DetectedEntity> entities) {

    public RedactionResult {
        entities = List.copyOf(entities);
    }
}
