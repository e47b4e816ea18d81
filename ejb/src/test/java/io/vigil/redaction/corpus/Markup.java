package io.vigil.redaction.corpus;

import io.vigil.redaction.EntityType;

/**
 * Parses the hand-written corpus notation: plain text with labelled values in brackets,
 * {@code my card is [CREDIT_CARD four one one one ...] thanks}. Brackets do not nest.
 */
final class Markup {

    private Markup() {
    }

    static Utterance parse(String line) {
        Utterance u = new Utterance();
        int pos = 0;
        while (pos < line.length()) {
            int open = line.indexOf('[', pos);
            if (open < 0) {
                u.say(line.substring(pos));
                break;
            }
            u.say(line.substring(pos, open));
            int close = line.indexOf(']', open);
            int space = line.indexOf(' ', open);
            if (close < 0 || space < 0 || space > close) {
                throw new IllegalArgumentException("Bad markup, expected [TYPE words]: " + line);
            }
            u.pii(EntityType.valueOf(line.substring(open + 1, space)), line.substring(space + 1, close));
            pos = close + 1;
        }
        return u;
    }
}
