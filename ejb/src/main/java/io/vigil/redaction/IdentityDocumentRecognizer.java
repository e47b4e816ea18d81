package io.vigil.redaction;

/**
 * Passport, driver's licence and medical/insurance member numbers. Their formats differ by issuer and state, so
 * there is no checksum to lean on: a letters-and-digits value with at least three digits counts when the nearest cue
 * names the document.
 */
public final class IdentityDocumentRecognizer implements Recognizer {

    @Override
    public String name() {
        return "identity-document";
    }

    @Override
    public void recognize(Analysis a) {
        for (int i = 0; i < a.size(); i++) {
            NormalizedText.Token t = a.token(i);
            // Letters and digits never outnumber the token's characters, so short tokens are out at once.
            if (t.kind() == NormalizedText.Kind.WORD || t.text().length() < 5 || a.followedByUnit(i)) {
                continue;
            }
            String s = t.alphanumerics();
            if (s.length() < 5 || s.length() > 20 || countDigits(s) < 3) {
                continue;
            }
            Cue cue = a.cueFor(i, i + 1);
            if (cue == Cue.PASSPORT) {
                a.report(EntityType.PASSPORT, i, i + 1, 0.9, name(), "id after passport cue");
            } else if (cue == Cue.LICENSE) {
                a.report(EntityType.DRIVER_LICENSE, i, i + 1, 0.9, name(), "id after driver's license cue");
            } else if (cue == Cue.MEDICAL) {
                a.report(EntityType.MEDICAL_ID, i, i + 1, 0.9, name(), "id after member/medical id cue");
            }
        }
    }

    private static int countDigits(String s) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            if (Character.isDigit(s.charAt(k))) {
                n++;
            }
        }
        return n;
    }
}
