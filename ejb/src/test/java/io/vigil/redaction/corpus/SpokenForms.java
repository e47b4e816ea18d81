package io.vigil.redaction.corpus;

import java.util.Random;

/** Renders digits, letters and numbers the many ways callers say them, driven by a seeded Random. */
final class SpokenForms {

    private static final String[] DIGIT = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine"};
    private static final String[] TEEN = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};
    private static final String[] FILLERS = {"uh", "um", "uh", "er"};

    private final Random r;

    SpokenForms(Random r) {
        this.r = r;
    }

    String digitWord(char d) {
        if (d == '0') {
            return r.nextInt(3) == 0 ? "zero" : "oh";
        }
        return DIGIT[d - '0'];
    }

    /** Two digits as one number ("44" is "forty four", "07" is "oh seven"). */
    String pair(String two) {
        int v = Integer.parseInt(two);
        if (two.charAt(0) == '0') {
            return digitWord('0') + " " + DIGIT[two.charAt(1) - '0'];
        }
        if (v < 20) {
            return TEEN[v - 10];
        }
        return TENS[v / 10] + (v % 10 == 0 ? "" : " " + DIGIT[v % 10]);
    }

    /**
     * A digit string read out: mostly digit by digit, sometimes in pairs, with "double"/"triple", group pauses
     * (commas), and the odd filler.
     */
    String digits(String ds, int[] groups, boolean allowFillers) {
        StringBuilder sb = new StringBuilder();
        int style = r.nextInt(10);
        int pos = 0;
        int g = 0;
        while (pos < ds.length()) {
            int groupLen = groups == null ? ds.length() : Math.min(groups[g % groups.length], ds.length() - pos);
            String group = ds.substring(pos, pos + groupLen);
            if (sb.length() > 0) {
                sb.append(r.nextInt(3) == 0 ? ", " : " ");
                if (allowFillers && r.nextInt(12) == 0) {
                    sb.append(FILLERS[r.nextInt(FILLERS.length)]).append(' ');
                }
            }
            sb.append(group(group, style));
            pos += groupLen;
            g++;
        }
        return sb.toString();
    }

    private String group(String g, int style) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < g.length()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            char c = g.charAt(i);
            if (style >= 7 && i + 1 < g.length() && (g.length() - i) % 2 == 0 && c != '0') {
                sb.append(pair(g.substring(i, i + 2)));
                i += 2;
            } else if (style >= 4 && i + 2 < g.length() && g.charAt(i + 1) == c && g.charAt(i + 2) == c
                    && r.nextBoolean()) {
                sb.append("triple ").append(digitWord(c));
                i += 3;
            } else if (style >= 4 && i + 1 < g.length() && g.charAt(i + 1) == c) {
                sb.append("double ").append(digitWord(c));
                i += 2;
            } else {
                sb.append(digitWord(c));
                i++;
            }
        }
        return sb.toString();
    }

    /** Digits written as numerals with optional separators, as some ASR engines output. */
    String written(String ds, int[] groups, String sep) {
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        int g = 0;
        while (pos < ds.length()) {
            int len = Math.min(groups[g % groups.length], ds.length() - pos);
            if (sb.length() > 0) {
                sb.append(sep);
            }
            sb.append(ds, pos, pos + len);
            pos += len;
            g++;
        }
        return sb.toString();
    }

    /** A whole number 1-9999 in words ("two hundred and fifty"). */
    String cardinal(int n) {
        if (n < 10) {
            return DIGIT[n];
        }
        if (n < 20) {
            return TEEN[n - 10];
        }
        if (n < 100) {
            return TENS[n / 10] + (n % 10 == 0 ? "" : " " + DIGIT[n % 10]);
        }
        if (n < 1000) {
            String rest = n % 100 == 0 ? "" : (r.nextBoolean() ? " and " : " ") + cardinal(n % 100);
            return DIGIT[n / 100] + " hundred" + rest;
        }
        String rest = n % 1000 == 0 ? "" : " " + cardinal(n % 1000);
        return cardinal(n / 1000) + " thousand" + rest;
    }

    /** A year the way people say it ("nineteen eighty five", "two thousand three", "twenty oh one"). */
    String year(int y) {
        if (y >= 2000 && y < 2010) {
            return r.nextBoolean() ? "two thousand " + DIGIT[y % 10] : "two thousand and " + DIGIT[y % 10];
        }
        if (y >= 2010 && r.nextInt(3) == 0) {
            return "two thousand " + cardinal(y % 100);
        }
        return pair(String.valueOf(y / 100)) + " " + (y % 100 < 10 ? "oh " + DIGIT[y % 10] : pair(
                String.format("%02d", y % 100)));
    }

    /** Letters spelled one by one, sometimes with "as in". */
    String spell(String letters) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (Character.isDigit(c)) {
                sb.append(digitWord(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    String filler() {
        return FILLERS[r.nextInt(FILLERS.length)];
    }
}
