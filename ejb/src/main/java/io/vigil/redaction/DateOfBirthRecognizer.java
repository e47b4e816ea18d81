package io.vigil.redaction;

import java.util.regex.Pattern;

/**
 * Dates of birth. A date is only a date of birth when the caller says so ("born", "birthday", "date of birth"), so the
 * cue is required; appointment dates and years of service stay. Accepted shapes after normalisation: "march 3rd 1985",
 * "the 5th of june 1990", "march 31985" (day and year run together by the normaliser), "03/03/1985", "03031985".
 */
public final class DateOfBirthRecognizer implements Recognizer {

    private static final Pattern ORDINAL = Pattern.compile("\\d{1,2}(st|nd|rd|th)");

    @Override
    public String name() {
        return "date-of-birth";
    }

    @Override
    public void recognize(Analysis a) {
        if (!hasDobCue(a)) {
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            int end = dateEnd(a, i);
            if (end > i && a.cueFor(i, end) == Cue.DOB) {
                a.report(EntityType.DATE_OF_BIRTH, i, end, 0.9, name(), "date after birth cue");
                i = end - 1;
            }
        }
    }

    private static boolean hasDobCue(Analysis a) {
        for (int i = 0; i < a.size(); i++) {
            if (a.cueAt(i) == Cue.DOB) {
                return true;
            }
        }
        return false;
    }

    /** Index after a date starting at token i, or i when none starts there. */
    static int dateEnd(Analysis a, int i) {
        NormalizedText.Token t = a.token(i);
        String w = t.text();
        if (w.equals("the") && i + 1 < a.size()) {
            int end = dateEnd(a, i + 1);
            return end > i + 1 ? end : i;
        }
        if (SpokenFormNormalizer.MONTHS.containsKey(w)) {
            int j = i + 1;
            if (a.word(j).equals("the")) {
                j++;
            }
            if (j < a.size() && (isDay(a.token(j)) || ORDINAL.matcher(a.word(j)).matches())) {
                j++;
                if (a.word(j).equals("of")) {
                    j++;
                }
                if (j < a.size() && isYear(a.token(j))) {
                    j++;
                }
                return j;
            }
            if (j < a.size() && a.token(j).isNumber() && a.token(j).digits().length() <= 6) {
                return j + 1;
            }
            return i;
        }
        if (ORDINAL.matcher(w).matches() || (t.isNumber() && t.digits().length() <= 2)) {
            int j = i + 1;
            if (a.word(j).equals("of") && SpokenFormNormalizer.MONTHS.containsKey(a.word(j + 1))) {
                j += 2;
                if (j < a.size() && isYear(a.token(j))) {
                    j++;
                }
                return j;
            }
            return i;
        }
        if (t.isNumber()) {
            int len = t.digits().length();
            boolean separated = w.indexOf('/') > 0 || w.indexOf('-') > 0 || w.indexOf('.') > 0;
            if ((separated && len >= 4 && len <= 8) || (len >= 5 && len <= 8)) {
                return i + 1;
            }
        }
        return i;
    }

    private static boolean isDay(NormalizedText.Token t) {
        if (!t.isNumber()) {
            return false;
        }
        String d = t.digits();
        return d.length() <= 2 || d.length() == 5 || d.length() == 6 || d.length() == 3;
    }

    private static boolean isYear(NormalizedText.Token t) {
        return t.isNumber() && (t.digits().length() == 2 || t.digits().length() == 4);
    }
}
