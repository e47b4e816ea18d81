package io.vigil.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts taken for speed must answer exactly what the slower code they replaced answered: the lexicon's
 * range look-up against a plain map look-up of the lower-cased word, and the hand-written shape checks against the
 * regexes they replaced.
 */
class LexiconTest {

    private static final String ALPHABET = "abcxyzABCXYZ0123456789-./'@+ \u212A\u0130\u00e9";

    @Test
    void rangeLookupAgreesWithLowerCasedWordLookup() {
        String[] words = {"Forty", "DOUBLE", "uh", "Street", "i'm", "O'Clock", "cvv2", "3", "e-mail", "\u212Aay",
            "Smith", "", "dash", "D.O.B", "ZERO", "\u0130n"};
        for (String w : words) {
            String padded = "<" + w + ">";
            Lexicon.Entry fast = Lexicon.lookupAscii(padded, 1, 1 + w.length());
            Lexicon.Entry slow = Lexicon.lookup(w.toLowerCase(Locale.ROOT));
            if (Lexicon.isAscii(w, 0, w.length())) {
                assertSame(slow, fast, w);
            } else {
                assertNull(fast, "non-ASCII text is left to the exact look-up: " + w);
            }
        }
        assertNotNull(Lexicon.lookup("forty"));
        assertEquals(40, Lexicon.lookup("forty").number);
        assertTrue((Lexicon.flags("uh") & Lexicon.FILLER) != 0);
        assertEquals(0, Lexicon.flags("smith"));
    }

    @Test
    void ssnShapeCheckAgreesWithItsRegex() {
        Pattern regex = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
        Random rnd = new Random(1);
        for (int n = 0; n < 50_000; n++) {
            String s = n % 2 == 0 ? mutate("123-45-6789", rnd) : random(rnd, 13);
            assertEquals(regex.matcher(s).matches(), SsnRecognizer.isFormatted(s), s);
        }
    }

    @Test
    void ibanShapeCheckAgreesWithItsRegex() {
        Pattern regex = Pattern.compile("[a-z]{2}\\d{2}[a-z0-9]{10,30}");
        Random rnd = new Random(2);
        for (int n = 0; n < 50_000; n++) {
            String base = "gb82westkj12345698765432".substring(0, 4 + rnd.nextInt(20));
            String s = n % 2 == 0 ? mutate(base + "0123456789abcdef".substring(0, rnd.nextInt(16)), rnd)
                    : random(rnd, 36);
            assertEquals(regex.matcher(s).matches(), IbanRecognizer.hasShape(s), s);
        }
    }

    private static String mutate(String s, Random rnd) {
        StringBuilder b = new StringBuilder(s);
        if (rnd.nextBoolean() && b.length() > 0) {
            b.setCharAt(rnd.nextInt(b.length()), ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        if (rnd.nextInt(4) == 0) {
            b.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        if (rnd.nextInt(4) == 0 && b.length() > 0) {
            b.deleteCharAt(rnd.nextInt(b.length()));
        }
        return b.toString();
    }

    private static String random(Random rnd, int maxLength) {
        StringBuilder b = new StringBuilder();
        for (int k = rnd.nextInt(maxLength + 1); k > 0; k--) {
            b.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
