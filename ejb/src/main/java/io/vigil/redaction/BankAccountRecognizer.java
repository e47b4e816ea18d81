package io.vigil.redaction;

/**
 * Bank routing and account numbers. A routing number is nine digits after a routing cue (ABA checksum raises the
 * score; a failed checksum with the cue is still taken as an ASR slip). An account number is 4-17 digits after an
 * account cue; there is no checksum, so the cue is required.
 */
public final class BankAccountRecognizer implements Recognizer {

    @Override
    public String name() {
        return "bank-account";
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
            if (cue == Cue.ROUTING && d.length() >= 8 && d.length() <= 10) {
                boolean aba = d.length() == 9 && Checksums.abaRouting(d);
                a.report(EntityType.BANK_ROUTING, i, i + 1, aba ? 0.97 : 0.8, name(),
                        aba ? "ABA checksum with routing context" : "routing context, checksum failed");
            } else if (cue == Cue.ACCOUNT && d.length() >= 4 && d.length() <= 17) {
                a.report(EntityType.BANK_ACCOUNT, i, i + 1, 0.85, name(), "digits after account cue");
            }
        }
    }
}
