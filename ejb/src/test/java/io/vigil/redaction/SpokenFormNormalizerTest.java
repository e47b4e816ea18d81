package io.vigil.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SpokenFormNormalizerTest {

    private final SpokenFormNormalizer normalizer = new SpokenFormNormalizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "four one one one|4111",
        "double five triple three|55333",
        "nine oh two one oh|90210",
        "forty four ninety two|4492",
        "oh four twenty six|0426",
        "two hundred dollars|200 dollars",
        "two hundred and fifty|250",
        "nineteen eighty five|1985",
        "two thousand and five|2005",
        "eight hundred five five five|800555",
        "three thirty p m|330 pm",
        "one two three dash four five dash six seven eight nine|123-45-6789",
        "oh seven slash two six|07/26",
        "john dot smith at gmail dot com|john.smith@gmail.com",
        "mary at acme corp dot org|mary@acmecorp.org",
        "i'm at home|i'm at home",
        "s m i t h|smith",
        "b as in boy o b|bob",
        "c one two three|c123",
        "d o b oh three|dob 03",
        "march third|march 3rd",
        "the twenty first of june|the 21st of june",
        "oh okay|oh okay",
        "forty-four|44",
        "four one uh one one|4111",
        "press one|press 1",
        "plus four four two oh|+4420",
        "uh i have a question|i have a question",
    })
    void writesSpokenFormsCanonically(String spoken, String written) {
        assertEquals(written, normalizer.normalize(spoken).text());
    }

    @Test
    void mapsEveryNormalisedSpanBackToWholeOriginalWords() {
        String original = "my card is four one one one, double two";
        NormalizedText n = normalizer.normalize(original);
        assertEquals("my card is 411122", n.text());
        int start = n.text().indexOf("4111");
        int end = n.text().length();
        assertEquals("four one one one, double two",
                original.substring(n.originalStart(start), n.originalEnd(end)));
        // A single digit maps to the word it came from.
        assertEquals("double two", original.substring(n.originalStart(end - 1), n.originalEnd(end)));
        // Unchanged words map one to one.
        assertEquals("card", original.substring(n.originalStart(3), n.originalEnd(7)));
    }

    @Test
    void selfCorrectionDropsAbandonedDigitsButItsSpanCoversThem() {
        String original = "four one one one uh sorry four one one one one one one one one one one one one one one one";
        NormalizedText n = normalizer.normalize(original);
        assertEquals("4111111111111111", n.text());
        assertEquals(0, n.originalStart(0));
        assertEquals(original.length(), n.originalEnd(n.text().length()));
    }

    @Test
    void tokensCarryTheirKind() {
        NormalizedText n = normalizer.normalize("passport c one two three four five and s m i t h");
        assertEquals(NormalizedText.Kind.WORD, n.token(0).kind());
        assertEquals(NormalizedText.Kind.ALNUM, n.token(1).kind());
        assertEquals(NormalizedText.Kind.SPELLED, n.token(3).kind());
        assertEquals(NormalizedText.Kind.NUMBER, normalizer.normalize("five five five").token(0).kind());
    }

    @Test
    void offsetsSurviveEdgePunctuationAndCase() {
        String original = "Call me at (212) 555-0198, thanks!";
        NormalizedText n = normalizer.normalize(original);
        assertEquals("call me at 212555-0198 thanks", n.text());
        int s = n.text().indexOf("212");
        assertEquals("212) 555-0198", original.substring(n.originalStart(s), n.originalEnd(s + 11)));
    }
}
