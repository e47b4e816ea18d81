package io.vigil.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats fmt = new Formats();

    @Test
    void durationsReadLikeAClock() {
        assertEquals("0:00", fmt.duration(0L));
        assertEquals("4:07", fmt.duration(247_999L));
        assertEquals("1:02:03", fmt.duration(3_723_000L));
        assertEquals("live", fmt.duration(null));
    }

    @Test
    void datesAreUtc() {
        assertEquals("2026-03-01 09:05 UTC", fmt.dateTime(Instant.parse("2026-03-01T09:05:59Z")));
        assertEquals("", fmt.dateTime(null));
    }

    @Test
    void transcriptMarksRedactionsAndEscapesTheRest() {
        assertEquals("card is <mark class=\"vigil-redaction\" title=\"Redacted CREDIT_CARD\">CREDIT_CARD</mark> &lt;b&gt;ok",
                fmt.transcript("card is [CREDIT_CARD] <b>ok"));
        assertEquals("press [one] &amp; wait", fmt.transcript("press [one] & wait"));
        assertEquals("", fmt.transcript(null));
    }
}
