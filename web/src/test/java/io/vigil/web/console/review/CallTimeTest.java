package io.vigil.web.console.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CallTimeTest {

    @Test
    void readsTheWaysReviewersWriteTimes() {
        assertEquals(65_000, CallTime.parse("1:05", "Start"));
        assertEquals(65_500, CallTime.parse(" 1:05.5 ", "Start"));
        assertEquals(3_723_000, CallTime.parse("1:02:03", "Start"));
        assertEquals(65_000, CallTime.parse("65", "Start"));
        assertEquals(0, CallTime.parse("0:00", "Start"));
    }

    @Test
    void refusesWhatIsNotATimeWithAnExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CallTime.parse("1:75", "End"));
        assertEquals("End \"1:75\" is not a time in the call: write it as m:ss, for example 1:05 or 1:05.5.",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CallTime.parse("abc", "End"));
        assertThrows(IllegalArgumentException.class, () -> CallTime.parse("-1:00", "End"));
        assertThrows(IllegalArgumentException.class, () -> CallTime.parse("1:2:3:4", "End"));
        assertThrows(IllegalArgumentException.class, () -> CallTime.parse("NaN", "End"));
        assertThrows(IllegalArgumentException.class, () -> CallTime.parse("999999999", "End"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> CallTime.parse(" ", "Start"));
        assertEquals("Start is missing: write it as m:ss, for example 1:05.", missing.getMessage());
    }

    @Test
    void writesTheCallPageClock() {
        assertEquals("1:05", CallTime.format(65_999));
        assertEquals("1:02:03", CallTime.format(3_723_000));
        assertEquals(CallTime.format(CallTime.parse("4:07", "t")), "4:07");
    }

    @Test
    void writesWaveformRangesToATenthOfASecondAndReadsThemBack() {
        assertEquals("0:12.3", CallTime.precise(12_340));
        assertEquals("1:05", CallTime.precise(64_960));
        assertEquals("0:00", CallTime.precise(0));
        assertEquals(12_300, CallTime.parse(CallTime.precise(12_340), "Start"));
    }

    @Test
    void thePlayerStartsAtAValidTimeParameterOnly() {
        assertEquals(42_000, CallPlayerView.millis("42000"));
        assertEquals(null, CallPlayerView.millis("-5"));
        assertEquals(null, CallPlayerView.millis("1:05"));
        assertEquals(null, CallPlayerView.millis(null));
    }
}
