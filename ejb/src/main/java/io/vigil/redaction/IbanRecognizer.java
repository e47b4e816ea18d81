package io.vigil.redaction;

import java.util.regex.Pattern;

/**
 * International bank account numbers: country letters, two check digits, up to 30 letters and digits. The mod-97
 * check makes a spelled IBAN safe to take without context; with an "iban" cue the shape alone is enough.
 */
public final class IbanRecognizer implements Recognizer {

    private static final Pattern SHAPE = Pattern.compile("[a-z]{2}\\d{2}[a-z0-9]{10,30}");

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
            if (!SHAPE.matcher(s).matches()) {
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
