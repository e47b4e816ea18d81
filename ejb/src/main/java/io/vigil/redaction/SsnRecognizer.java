package io.vigil.redaction;

import java.util.regex.Pattern;

/**
 * US social security numbers. With a cue ("social", "ssn") nine digits count even if they break the issuing rules (an
 * ASR slip), eight or ten digits count at lower confidence, and four digits count as "the last four of my social".
 * Without a cue only the written ddd-dd-dddd form that passes the rules counts: a bare nine-digit number is as likely
 * an order or routing number.
 */
public final class SsnRecognizer implements Recognizer {

    private static final Pattern FORMATTED = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");

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
            String d = t.digits();
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
            } else if (cue != Cue.NEGATIVE && FORMATTED.matcher(t.text()).matches() && Checksums.ssnRules(d)) {
                a.report(EntityType.US_SSN, i, i + 1, 0.8, name(), "ddd-dd-dddd form passing SSA rules");
            }
        }
    }
}
