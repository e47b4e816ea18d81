package io.vigil.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Positive and hard-negative cases for every recogniser, run through the default engine. */
class RecognizersTest {

    private static final RedactionEngine ENGINE = RedactionEngine.createDefault();

    /** Each row: utterance | expected type | exact original text the span must cover. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my card number is four one one one one one one one one one one one one one one one|CREDIT_CARD|four one one one one one one one one one one one one one one one",
        "it's 4111 1111 1111 1111|CREDIT_CARD|4111 1111 1111 1111",
        "card number four one one one one one one one one one one one one one one two|CREDIT_CARD|four one one one one one one one one one one one one one one two",
        "the last four of my card are forty four ninety two|CREDIT_CARD|forty four ninety two",
        "the card ending in one two three four|CREDIT_CARD|one two three four",
        "it expires oh four twenty six|CARD_EXPIRY|oh four twenty six",
        "expiration date april twenty twenty seven|CARD_EXPIRY|april twenty twenty seven",
        "and the cvv is three two one|CARD_CVV|three two one",
        "my social is one two three four five six seven eight nine|US_SSN|one two three four five six seven eight nine",
        "last four of my social are forty four ninety two|US_SSN|forty four ninety two",
        "one two three four five six seven eight nine that's my social|US_SSN|one two three four five six seven eight nine",
        "ssn 078-05-1120|US_SSN|078-05-1120",
        "it's 536-22-1403|US_SSN|536-22-1403",
        "call me back at two one two five five five oh one nine eight|PHONE_NUMBER|two one two five five five oh one nine eight",
        "reach me on plus four four two oh seven nine four six oh nine five eight|PHONE_NUMBER|plus four four two oh seven nine four six oh nine five eight",
        "the number is (415) 826-4401|PHONE_NUMBER|415) 826-4401",
        "my email is john dot smith at gmail dot com|EMAIL_ADDRESS|john dot smith at gmail dot com",
        "it's jane doe at yahoo dot com|EMAIL_ADDRESS|jane doe at yahoo dot com",
        "write to j.smith@example.org please|EMAIL_ADDRESS|j.smith@example.org",
        "iban g b eight two w e s t one two three four five six nine eight seven six five four three two|IBAN|g b eight two w e s t one two three four five six nine eight seven six five four three two",
        "routing number zero two one zero zero zero zero two one|BANK_ROUTING|zero two one zero zero zero zero two one",
        "checking account is four four five five six six seven seven|BANK_ACCOUNT|four four five five six six seven seven",
        "i was born on march third nineteen eighty five|DATE_OF_BIRTH|march third nineteen eighty five",
        "date of birth is oh three oh three eighty five|DATE_OF_BIRTH|oh three oh three eighty five",
        "my birthday is the fifth of june two thousand one|DATE_OF_BIRTH|the fifth of june two thousand one",
        "i live at one twenty three main street apartment four b|STREET_ADDRESS|one twenty three main street apartment four b",
        "send it to p o box seven seven one|STREET_ADDRESS|p o box seven seven one",
        "zip code nine oh two one oh|POSTAL_CODE|nine oh two one oh",
        "austin texas seven eight seven oh one|POSTAL_CODE|seven eight seven oh one",
        "passport number c one two three four five six seven eight|PASSPORT|c one two three four five six seven eight",
        "my drivers license is d one two three four five six seven|DRIVER_LICENSE|d one two three four five six seven",
        "medicare number one e g four t e five m k seven two|MEDICAL_ID|one e g four t e five m k seven two",
        "my pin is one two three four|PIN|one two three four",
        "my password is sunshine twenty twenty and thanks|PASSWORD|sunshine twenty twenty",
        "my name is john smith|PERSON|john smith",
        "hi this is ngozi okafor|PERSON|ngozi okafor",
        "can i speak to maria please|PERSON|maria",
        "it's sofia baker that's b a k e r|PERSON|sofia baker",
    })
    void finds(String utterance, EntityType type, String covered) {
        List<DetectedEntity> found = ENGINE.detect(utterance);
        DetectedEntity e = found.stream().filter(x -> x.type() == type).findFirst()
                .orElseThrow(() -> new AssertionError(type + " not found in \"" + utterance + "\": " + found));
        assertEquals(covered, utterance.substring(e.start(), e.end()), () -> found.toString());
        assertTrue(e.score() >= RedactionEngine.DEFAULT_THRESHOLD);
        assertTrue(!e.recognizer().isEmpty() && !e.reason().isEmpty(), "every finding says why");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "it was two hundred dollars",
        "the appointment is at three thirty pm",
        "my order number is one two three four five six seven eight nine",
        "the ticket number is four one one one one one one one one one one one one one one one",
        "press one for sales",
        "i have three kids and two dogs",
        "we've been customers since nineteen ninety eight",
        "my appointment is on march third",
        "i saw it on social media",
        "the gift card balance is one hundred fifty dollars",
        "i forgot my password",
        "i will call you back may be tomorrow",
        "mark it as urgent, the bill is too high",
        "confirmation number two one two five five five oh one nine eight",
        "flight twenty two oh eight was delayed by three hours",
        "about five hundred people came",
        "i live at home with my parents",
        "it takes forty five minutes",
        "the interest rate is twelve percent",
        "that's one two three steps",
        "oh okay thank you",
    })
    void leavesHardNegativesAlone(String utterance) {
        List<DetectedEntity> found = ENGINE.detect(utterance);
        assertEquals(List.of(), found, () -> found.stream().map(e -> e + " \"" + utterance.substring(e.start(),
                e.end()) + "\"").collect(Collectors.joining(", ")));
    }

    @Test
    void eachNumberGetsTheNearestCue() {
        String s = "routing number is zero two one zero zero zero zero two one and account number is one two three "
                + "four five six seven eight";
        List<EntityType> types = ENGINE.detect(s).stream().map(DetectedEntity::type).toList();
        assertEquals(List.of(EntityType.BANK_ROUTING, EntityType.BANK_ACCOUNT), types);
    }

    @Test
    void checksums() {
        assertTrue(Checksums.luhn("4111111111111111"));
        assertTrue(!Checksums.luhn("4111111111111112"));
        assertTrue(Checksums.ssnRules("536221403"));
        assertTrue(!Checksums.ssnRules("666221403"));
        assertTrue(!Checksums.ssnRules("900221403"));
        assertTrue(!Checksums.ssnRules("536001403"));
        assertTrue(!Checksums.ssnRules("536220000"));
        assertTrue(Checksums.ibanMod97("gb82west12345698765432"));
        assertTrue(Checksums.ibanMod97("DE89370400440532013000"));
        assertTrue(!Checksums.ibanMod97("gb82west12345698765433"));
        assertTrue(Checksums.abaRouting("021000021"));
        assertTrue(!Checksums.abaRouting("021000022"));
    }
}
