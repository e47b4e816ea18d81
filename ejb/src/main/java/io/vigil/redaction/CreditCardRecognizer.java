package io.vigil.redaction;

/**
 * Payment card numbers. Luhn-valid 13-19 digit runs with a brand prefix count on their own; with a card cue nearby a
 * 12-19 digit run counts even when Luhn fails, because one misheard digit must not leak the rest of the number; and
 * "last four of my card" style four-digit tails count with the cue.
 */
public final class CreditCardRecognizer implements Recognizer {

    @Override
    public String name() {
        return "credit-card";
    }

    @Override
    public void recognize(Analysis a) {
        for (int i = 0; i < a.size(); i++) {
            NormalizedText.Token t = a.token(i);
            if (!t.isNumber()) {
                continue;
            }
            String d = a.digits(i);
            int len = d.length();
            if (len < 4) {
                continue;
            }
            Cue cue = a.cueFor(i, i + 1);
            if (cue == Cue.NEGATIVE || a.followedByUnit(i)) {
                continue;
            }
            boolean cardCue = cue == Cue.CARD;
            if (len >= 13 && len <= 19 && Checksums.luhn(d)) {
                if (cardCue) {
                    a.report(EntityType.CREDIT_CARD, i, i + 1, 0.99, name(), "Luhn-valid with card context");
                } else if (Checksums.knownCardPrefix(d) && (len == 15 || len == 16) && cue != Cue.ACCOUNT
                        && cue != Cue.PHONE) {
                    a.report(EntityType.CREDIT_CARD, i, i + 1, 0.85, name(), "Luhn-valid with card brand prefix");
                }
            } else if (cardCue && len >= 12 && len <= 19) {
                a.report(EntityType.CREDIT_CARD, i, i + 1, 0.8, name(), "card context, Luhn failed (ASR error?)");
            } else if (cardCue && len > 19 && t.text().length() == len) {
                reportLuhnPrefix(a, t, d, i);
            } else if (cardCue && len == 4) {
                a.report(EntityType.CREDIT_CARD, i, i + 1, 0.75, name(), "last digits of a card");
            }
        }
    }

    /** A card run straight into the expiry ("...1111 0426") is one digit run; take the Luhn-valid card prefix. */
    private void reportLuhnPrefix(Analysis a, NormalizedText.Token t, String d, int i) {
        for (int len : new int[] {16, 15, 19, 14, 13, 18, 17}) {
            if (Checksums.luhn(d.substring(0, len))) {
                a.reportChars(EntityType.CREDIT_CARD, t.start(), t.start() + len, 0.9, name(),
                        "Luhn-valid prefix of a longer digit run with card context");
                return;
            }
        }
        a.report(EntityType.CREDIT_CARD, i, i + 1, 0.7, name(), "long digit run with card context");
    }
}
