package io.vigil.redaction;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Telephone numbers, judged by libphonenumber rather than a home-grown regex: it knows each country's lengths and
 * number ranges, so "555 0199" style fakes, 800 numbers and "+44 20 ..." all get the same treatment, and a ten-digit
 * order number that is not a real number range is left alone. A phone cue relaxes "valid" to "possible" (an ASR slip
 * can make a real number invalid); a negative cue ("order", "ticket", "press") suppresses it.
 */
public final class PhoneNumberRecognizer implements Recognizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion ISO region used for numbers spoken without a country code, e.g. "US". */
    public PhoneNumberRecognizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    @Override
    public String name() {
        return "phone-libphonenumber";
    }

    @Override
    public void recognize(Analysis a) {
        for (int i = 0; i < a.size(); i++) {
            NormalizedText.Token t = a.token(i);
            if (!t.isNumber()) {
                continue;
            }
            String d = a.digits(i);
            if (d.length() < 7 || d.length() > 15 || a.followedByUnit(i)) {
                continue;
            }
            Cue cue = a.cueFor(i, i + 1);
            if (cue == Cue.NEGATIVE || (cue != null && cue != Cue.PHONE && cue != Cue.NEUTRAL)) {
                // Another cue claims this number (card, account, ssn ...); that recogniser decides.
                continue;
            }
            boolean plus = t.text().startsWith("+");
            Phonenumber.PhoneNumber number = parse(plus ? "+" + d : d);
            if (number == null) {
                continue;
            }
            if (UTIL.isValidNumber(number)) {
                a.report(EntityType.PHONE_NUMBER, i, i + 1, cue == Cue.PHONE ? 0.97 : 0.85, name(),
                        cue == Cue.PHONE ? "valid number with phone context" : "valid number for its region");
            } else if (cue == Cue.PHONE && (UTIL.isPossibleNumber(number) || d.length() == 7)) {
                a.report(EntityType.PHONE_NUMBER, i, i + 1, 0.8, name(), "possible number with phone context");
            } else if (cue == Cue.PHONE && d.length() >= 9 && d.length() <= 12) {
                a.report(EntityType.PHONE_NUMBER, i, i + 1, 0.7, name(), "phone context, digit count near a number");
            }
        }
    }

    private Phonenumber.PhoneNumber parse(String digits) {
        try {
            return UTIL.parse(digits, defaultRegion);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
