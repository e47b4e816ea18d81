package io.vigil.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingRedactorTest {

    private static final RedactionEngine ENGINE = RedactionEngine.createDefault();

    private static String stream(List<DetectedEntity> entities, String... partials) {
        StreamingRedactor s = new StreamingRedactor(ENGINE);
        StringBuilder out = new StringBuilder();
        for (String p : partials) {
            StreamingRedactor.Emission e = s.accept(p);
            out.append(e.redactedText());
            entities.addAll(e.entities());
        }
        StreamingRedactor.Emission last = s.finish();
        out.append(last.redactedText());
        entities.addAll(last.entities());
        return out.toString();
    }

    @Test
    void cardNumberSplitAcrossPartialsIsCaughtWhole() {
        List<DetectedEntity> found = new ArrayList<>();
        String out = stream(found, "my card number is four one one one one one one one",
                "one one one one one one one one and that's it");
        assertEquals("my card number is [CREDIT_CARD] and that's it", out);
        assertEquals(1, found.size());
        assertEquals(EntityType.CREDIT_CARD, found.get(0).type());
    }

    @Test
    void digitsAreHeldUntilTheNextPartialSoNoPrefixLeaks() {
        StreamingRedactor s = new StreamingRedactor(ENGINE);
        StreamingRedactor.Emission first = s.accept("my social is one two three four five");
        assertFalse(first.redactedText().contains("one"), first.redactedText());
        StreamingRedactor.Emission second = s.accept("six seven eight nine thanks");
        assertTrue(second.redactedText().contains("[US_SSN]"), second.redactedText());
    }

    @Test
    void aCueAfterTheDigitsStillApplies() {
        String out = stream(new ArrayList<>(), "one two three four five six seven eight nine", "that's my social");
        assertEquals("[US_SSN] that's my social", out);
    }

    @Test
    void streamingEqualsBatchForSplitUtterances() {
        String[] parts = {"hi my name is john", "smith and my phone is two one two five five", "five oh one nine eight",
            "and my zip is nine oh two one oh"};
        String whole = String.join(" ", parts);
        assertEquals(ENGINE.redact(whole).redactedText(), stream(new ArrayList<>(), parts));
    }

    @Test
    void spansReferToTheJoinedStreamText() {
        StreamingRedactor s = new StreamingRedactor(ENGINE);
        s.accept("pin is one two");
        s.accept("three four");
        String text = s.text();
        StreamingRedactor.Emission e = s.finish();
        DetectedEntity pin = e.entities().get(0);
        assertEquals("one two three four", text.substring(pin.start(), pin.end()));
    }
}
