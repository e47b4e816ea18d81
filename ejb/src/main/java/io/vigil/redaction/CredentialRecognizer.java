package io.vigil.redaction;

import java.util.Set;

/**
 * PINs and passwords. A PIN is 4-8 digits after a PIN cue. A password is whatever follows "password is" (up to four
 * tokens, stopping at a conjunction or the next cue); "i forgot my password" has no connector and so no value.
 */
public final class CredentialRecognizer implements Recognizer {

    private static final Set<String> CONNECTORS = Set.copyOf(java.util.List.of("is", "it's", "its", "was", "be", "to", "as", "should",
            "would", "will", "set", "that's", "being", "uh", "um", "like", "just", "new", "old", "currently"));
    private static final Set<String> VALUE_CONNECTORS = Set.copyOf(java.util.List.of("is", "it's", "its", "was", "be", "to", "as", "that's",
            "being"));
    private static final Set<String> STOP = Set.copyOf(java.util.List.of("and", "then", "but", "thanks", "thank", "okay", "ok", "so",
            "please", "right", "if", "because", "can", "could", "i", "you", "all", "that's", "which", "yeah", "for",
            "on", "with", "is", "was", "or", "uh", "um", "sorry", "correct", "did", "do", "does", "the", "my", "it"));

    @Override
    public String name() {
        return "credential";
    }

    @Override
    public void recognize(Analysis a) {
        for (int i = 0; i < a.size(); i++) {
            NormalizedText.Token t = a.token(i);
            if (a.cueAt(i) == Cue.PASSWORD) {
                i = password(a, i);
                continue;
            }
            if (t.isNumber() && !a.followedByUnit(i) && a.cueFor(i, i + 1) == Cue.PIN) {
                int len = a.digits(i).length();
                if (len >= 4 && len <= 8) {
                    a.report(EntityType.PIN, i, i + 1, 0.9, name(), "digits after pin cue");
                }
            }
        }
    }

    /** Reports the password after the cue at token i; returns the last token index examined. */
    private int password(Analysis a, int i) {
        int j = a.cueEnd(i);
        boolean connected = false;
        while (j < a.size() && CONNECTORS.contains(a.word(j)) && j - i < 6) {
            connected |= VALUE_CONNECTORS.contains(a.word(j));
            j++;
        }
        if (!connected || j >= a.size()) {
            return i;
        }
        int end = j;
        while (end < a.size() && end - j < 4 && !STOP.contains(a.word(end)) && a.cueAt(end) == null) {
            end++;
        }
        if (end > j) {
            a.report(EntityType.PASSWORD, j, end, 0.9, name(), "value after 'password is'");
            return end - 1;
        }
        return i;
    }
}
