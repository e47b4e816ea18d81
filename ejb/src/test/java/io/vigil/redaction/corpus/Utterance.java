package io.vigil.redaction.corpus;

import io.vigil.redaction.EntityType;
import java.util.ArrayList;
import java.util.List;

/** A corpus line under construction: text plus gold labels in character offsets. */
final class Utterance {

    /** One gold label, {@code end} exclusive. */
    record Label(EntityType type, int start, int end) {
    }

    private final StringBuilder text = new StringBuilder();
    private final List<Label> labels = new ArrayList<>();

    /** Appends plain words, separated from what came before by one space. */
    Utterance say(String words) {
        if (words == null || words.isBlank()) {
            return this;
        }
        space();
        text.append(words.strip());
        return this;
    }

    /** Appends a labelled value. */
    Utterance pii(EntityType type, String words) {
        space();
        int start = text.length();
        text.append(words.strip());
        labels.add(new Label(type, start, text.length()));
        return this;
    }

    private void space() {
        if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
        }
    }

    String text() {
        return text.toString();
    }

    List<Label> labels() {
        return labels;
    }
}
