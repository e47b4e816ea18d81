package io.vigil.redaction;

/**
 * International bank account numbers: country letters, two check digits, up to 30 letters and digits. The mod-97
 * check makes a spelled IBAN safe to take without context; with an "iban" cue the shape alone is enough.
 */
public final class IbanRecognizer implements Recognizer {

    /** {@code [a-z]{2}\d{2}[a-z0-9]{10,30}}: country, check digits, account; by hand, asked of every code token. */
    static boolean hasShape(String s) {
        int n = s.length();
        if (n < 14 || n > 34 || !isLower(s.charAt(0)) || !isLower(s.charAt(1)) || !isDigit(s.charAt(2))
                || !isDigit(s.charAt(3))) {
            return false;
        }
        for (int i = 4; i < n; i++) {
            char c = s.charAt(i);
            if (!isLower(c) && !isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String name() {
        return "iban";
    }

    @Override
    public void recognize(Analysis a) {
        for (int i = 0; i < a.size(); i++) {
            NormalizedText.Token t = a.token(i);
            if (t.kind() != NormalizedText.Kind.ALNUM) {
                continue;
            }
            String s = t.alphanumerics();
            if (!hasShape(s)) {
                continue;
            }
            if (Checksums.ibanMod97(s)) {
                a.report(EntityType.IBAN, i, i + 1, 0.97, name(), "IBAN mod-97 valid");
            } else if (a.cueFor(i, i + 1) == Cue.IBAN) {
                a.report(EntityType.IBAN, i, i + 1, 0.8, name(), "IBAN shape with iban context");
            }
        }
    }
}
