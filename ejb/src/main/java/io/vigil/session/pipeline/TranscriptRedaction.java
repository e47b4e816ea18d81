package io.vigil.session.pipeline;

import io.vigil.redaction.DetectedEntity;
import io.vigil.redaction.RedactionEngine;
import io.vigil.redaction.StreamingRedactor;
import java.util.ArrayList;
import java.util.List;

/**
 * Redacts one utterance as it streams. Realtime transcript deltas split words anywhere ("four one" | "one one",
 * "Jo" | "hn"), while {@link StreamingRedactor} takes whole words; so deltas are buffered up to the last whitespace and
 * only complete words are passed on. The redactor itself holds back a trailing run of number words, so a card number
 * split across deltas is judged whole. Only redacted text leaves this class.
 */
final class TranscriptRedaction {

    private final StreamingRedactor redactor;
    private final StringBuilder received = new StringBuilder();
    private final StringBuilder pendingWords = new StringBuilder();
    private final StringBuilder redacted = new StringBuilder();
    private final List<DetectedEntity> entities = new ArrayList<>();

    TranscriptRedaction(RedactionEngine engine) {
        this.redactor = new StreamingRedactor(engine);
    }

    void delta(String text) {
        received.append(text);
        pendingWords.append(text);
        int cut = lastWhitespace(pendingWords);
        if (cut >= 0) {
            String words = pendingWords.substring(0, cut).strip();
            pendingWords.delete(0, cut + 1);
            if (!words.isEmpty()) {
                take(redactor.accept(words));
            }
        }
    }

    /** The final transcript; returns the redacted utterance. Deltas that disagree with it are replaced by it. */
    String done(String finalText) {
        String soFar = received.toString();
        if (finalText != null && !finalText.startsWith(soFar)) {
            // the deltas are not a prefix of the final text: redact the final text alone
            redactor.finish();
            redacted.setLength(0);
            entities.clear();
            pendingWords.setLength(0);
            take(redactor.accept(finalText));
        } else if (finalText != null) {
            pendingWords.append(finalText.substring(soFar.length()));
            if (!pendingWords.toString().isBlank()) {
                take(redactor.accept(pendingWords.toString().strip()));
            }
        } else if (!pendingWords.toString().isBlank()) {
            take(redactor.accept(pendingWords.toString().strip()));
        }
        take(redactor.finish());
        return redacted.toString().strip();
    }

    List<DetectedEntity> entities() {
        return List.copyOf(entities);
    }

    private void take(StreamingRedactor.Emission e) {
        if (!e.redactedText().isEmpty()) {
            if (redacted.length() > 0 && !Character.isWhitespace(redacted.charAt(redacted.length() - 1))
                    && !Character.isWhitespace(e.redactedText().charAt(0))) {
                redacted.append(' ');
            }
            redacted.append(e.redactedText());
        }
        entities.addAll(e.entities());
    }

    private static int lastWhitespace(CharSequence s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
