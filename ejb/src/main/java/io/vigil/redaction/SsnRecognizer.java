package io.vigil.redaction;

/**
 * US social security numbers. With a cue ("social", "ssn") nine digits count even if they break the issuing rules (an
 * ASR slip), eight or ten digits count at lower confidence, and four digits count as "the last four of my social".
 * Without a cue only the written ddd-dd-dddd form that passes the rules counts: a bare nine-digit number is as likely
 * an order or routing number.
 */
public final class SsnRecognizer implements Recognizer {

    /** The written form ddd-dd-dddd; checked by hand because it is asked of every number token. */
    static boolean isFormatted(String s) {
        if (s.length() != 11 || s.charAt(3) != '-' || s.charAt(6) != '-') {
            return false;
        }
        for (int i = 0; i < 11; i++) {
            char c = s.charAt(i);
            if (i != 3 && i != 6 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String name() {
        return "us-ssn";
    }

    @Override
    public void recognize(Analysis a) {
        for (int i = 0; i < a.size(); i++) {
            NormalizedText.Token t = a.token(i);
            if (!t.isNumber() || a.followedByUnit(i)) {
                continue;
            }
            String d = a.digits(i);
            Cue cue = a.cueFor(i, i + 1);
            if (cue == Cue.SSN) {
                if (d.length() == 9) {
                    boolean valid = Checksums.ssnRules(d);
                    a.report(EntityType.US_SSN, i, i + 1, valid ? 0.97 : 0.85, name(),
                            valid ? "nine digits after social-security cue" : "social cue, issuing rules fail");
                } else if (d.length() == 8 || d.length() == 10) {
                    a.report(EntityType.US_SSN, i, i + 1, 0.7, name(), "social cue, one digit off (ASR?)");
                } else if (d.length() == 4) {
                    a.report(EntityType.US_SSN, i, i + 1, 0.85, name(), "last four of a social");
                }
            } else if (cue != Cue.NEGATIVE && isFormatted(t.text()) && Checksums.ssnRules(d)) {
                a.report(EntityType.US_SSN, i, i + 1, 0.8, name(), "ddd-dd-dddd form passing SSA rules");
            }
        }
    }
}
