package io.vigil.redaction;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * E-mail addresses. The normaliser has already turned "john dot smith at gmail dot com" into one token; a local part
 * spoken with a space ("jane doe at gmail dot com") leaves its first word behind, so up to two preceding content
 * words are pulled into the span.
 */
public final class EmailRecognizer implements Recognizer {

    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+'-]*[a-z0-9]@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    private static final Set<String> STOP = Set.copyOf(java.util.List.of("is", "it's", "its", "email", "e-mail", "mail", "address", "my",
            "the", "to", "at", "me", "and", "it", "that's", "was", "uh", "um", "send", "use", "under", "be", "try",
            "reach", "or", "on", "a", "new", "old", "work", "personal", "yes", "yeah", "okay", "so", "please", "i",
            "i'm", "sorry", "from", "with", "for", "of", "is:", "like", "should", "would", "that", "this"));

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void recognize(Analysis a) {
        if (a.text().text().indexOf('@') < 0) {
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            String w = a.word(i);
            if (w.indexOf('@') < 0 || !EMAIL.matcher(w).matches()) {
                continue;
            }
            int from = i;
            while (from > 0 && i - from < 2 && a.token(from - 1).kind() != NormalizedText.Kind.NUMBER
                    && !STOP.contains(a.word(from - 1)) && a.cueAt(from - 1) == null) {
                from--;
            }
            a.report(EntityType.EMAIL_ADDRESS, from, i + 1, 0.95, name(), "address with @ and domain");
        }
    }
}
