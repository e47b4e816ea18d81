package io.vigil.redaction;

/**
 * The check-digit rules that let a bare digit string count as a card, SSN, IBAN or routing number without context.
 * All methods take digits (or, for IBAN, letters and digits) only.
 */
public final class Checksums {

    private Checksums() {
    }

    /** Luhn mod-10, used by all payment card brands. */
    public static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return digits.length() > 1 && sum % 10 == 0;
    }

    /** Card brand prefixes (Visa 4, Mastercard 51-55/2221-2720, Amex 34/37, Discover 6011/65/644-649, JCB, Diners). */
    public static boolean knownCardPrefix(String digits) {
        if (digits.isEmpty()) {
            return false;
        }
        char c = digits.charAt(0);
        return c == '4' || c == '5' || c == '2' || c == '6' || digits.startsWith("34") || digits.startsWith("37")
                || digits.startsWith("30") || digits.startsWith("36") || digits.startsWith("38")
                || digits.startsWith("35");
    }

    /**
     * SSA issuing rules: area not 000, 666 or 900-999; group not 00; serial not 0000. Nine digits expected.
     */
    public static boolean ssnRules(String digits) {
        if (digits.length() != 9) {
            return false;
        }
        String area = digits.substring(0, 3);
        return !area.equals("000") && !area.equals("666") && digits.charAt(0) != '9'
                && !digits.startsWith("00", 3) && !digits.startsWith("0000", 5);
    }

    /** ISO 13616 IBAN check: move the first four characters to the end, letters to 10..35, mod 97 must be 1. */
    public static boolean ibanMod97(String iban) {
        int n = iban.length();
        if (n < 15 || n > 34) {
            return false;
        }
        int rem = 0;
        for (int k = 0; k < n; k++) {
            char c = Character.toUpperCase(iban.charAt((k + 4) % n));
            if (c >= '0' && c <= '9') {
                rem = (rem * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                rem = (rem * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return rem == 1;
    }

    /** ABA routing transit number: 3*(d1+d4+d7) + 7*(d2+d5+d8) + (d3+d6+d9) divisible by 10. */
    public static boolean abaRouting(String digits) {
        if (digits.length() != 9) {
            return false;
        }
        int[] w = {3, 7, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            sum += w[i % 3] * d;
        }
        return sum % 10 == 0 && !digits.equals("000000000");
    }
}
