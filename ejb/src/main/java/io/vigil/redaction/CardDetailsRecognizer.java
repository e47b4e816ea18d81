package io.vigil.redaction;

/**
 * Card expiry dates and security codes. Both are short numbers that are only personal data because of what was said
 * before them, so both need a cue: "expires oh four twenty six", "the cvv is three two one".
 */
public final class CardDetailsRecognizer implements Recognizer {

    @Override
    public String name() {
        return "card-details";
    }

    @Override
    public void recognize(Analysis a) {
        for (int i = 0; i < a.size(); i++) {
            NormalizedText.Token t = a.token(i);
            String w = t.text();
            Integer month = a.is(i, Lexicon.MONTH) ? SpokenFormNormalizer.MONTHS.get(w) : null;
            if (month != null && i + 1 < a.size() && a.token(i + 1).isNumber()) {
                int yearLen = a.token(i + 1).digits().length();
                if ((yearLen == 2 || yearLen == 4) && a.cueFor(i, i + 2) == Cue.EXPIRY) {
                    a.report(EntityType.CARD_EXPIRY, i, i + 2, 0.9, name(), "month and year after expiry cue");
                    i++;
                }
                continue;
            }
            if (!t.isNumber() || a.followedByUnit(i)) {
                continue;
            }
            String d = a.digits(i);
            Cue cue = a.cueFor(i, i + 1);
            if (cue == Cue.EXPIRY && isExpiry(t.text(), d)) {
                a.report(EntityType.CARD_EXPIRY, i, i + 1, 0.9, name(), "month/year after expiry cue");
            } else if (cue == Cue.CVV && (d.length() == 3 || d.length() == 4)) {
                a.report(EntityType.CARD_CVV, i, i + 1, 0.9, name(), "3-4 digits after security-code cue");
            }
        }
    }

    /** MMYY, MYY, MMYYYY, or anything with a slash; the month must be 1-12. */
    static boolean isExpiry(String text, String d) {
        int slash = text.indexOf('/');
        if (slash > 0) {
            return true;
        }
        if (d.length() < 3 || d.length() > 6) {
            return false;
        }
        int monthDigits = d.length() == 3 || d.length() == 5 ? 1 : 2;
        int m = Integer.parseInt(d.substring(0, monthDigits));
        return m >= 1 && m <= 12;
    }
}
