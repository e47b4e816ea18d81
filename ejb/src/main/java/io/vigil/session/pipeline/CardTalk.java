package io.vigil.session.pipeline;

import io.vigil.redaction.DetectedEntity;
import io.vigil.redaction.EntityType;
import io.vigil.redaction.NormalizedText;
import io.vigil.redaction.SpokenFormNormalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which caller turns carry payment card data, so their audio is kept out of the recording (PCI DSS forbids
 * storing card numbers and security codes in call recordings).
 *
 * <p>A turn carries card data when the redaction engine finds a card number, expiry or security code in it (spoken
 * forms included: "four one one one ..." is normalised before it is judged), or when it holds four or more digits
 * while the conversation is about a card: the turn itself or the turn before it mentions one, or the agent just asked
 * for one. The second rule catches a number read out in parts ("4111 1111" | "1111 1111"), where no single part is a
 * valid card number.
 */
final class CardTalk {

    private static final Set<EntityType> CARD_DATA = Set.of(EntityType.CREDIT_CARD, EntityType.CARD_EXPIRY,
            EntityType.CARD_CVV);
    private static final List<String> CARD_CUES = List.of("card", "visa", "mastercard", "amex", "expiry",
            "expiration", "security code", "cvv", "cvc", "long number");
    private static final int DIGITS_IN_CONTEXT = 4;

    private final SpokenFormNormalizer normalizer = new SpokenFormNormalizer();
    private boolean aboutACard;

    /** The agent said something; asking for a card opens the card context for the caller's next turn. */
    void agentSaid(String text) {
        if (mentionsCard(text)) {
            aboutACard = true;
        }
    }

    /** Judges one complete caller turn, with the entities the redaction engine found in it. */
    boolean callerTurnCarriesCard(String text, List<DetectedEntity> entities) {
        boolean detected = entities.stream().anyMatch(e -> CARD_DATA.contains(e.type()));
        boolean cue = mentionsCard(text);
        boolean card = detected || (digits(text) >= DIGITS_IN_CONTEXT && (cue || aboutACard));
        aboutACard = card || cue;
        return card;
    }

    private int digits(String text) {
        NormalizedText n = normalizer.normalize(text == null ? "" : text);
        int digits = 0;
        for (NormalizedText.Token t : n.tokens()) {
            if (t.kind() == NormalizedText.Kind.NUMBER || t.kind() == NormalizedText.Kind.ALNUM) {
                digits += t.digits().length();
            }
        }
        return digits;
    }

    private static boolean mentionsCard(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return CARD_CUES.stream().anyMatch(t::contains);
    }
}
