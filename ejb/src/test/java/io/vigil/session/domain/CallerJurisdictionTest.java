package io.vigil.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallerJurisdictionTest {

    @Test
    void aCallerInTheEeaIsInTheEu() {
        assertEquals(Optional.of("EU"), CallerJurisdiction.of("+33 1 42 68 53 00"));
        assertEquals(Optional.of("EU"), CallerJurisdiction.of("+49 30 901820"));
        assertEquals(Optional.of("EU"), CallerJurisdiction.of("0047 22 24 90 90"), "Norway, dialled with 00");
    }

    @Test
    void otherCountriesAreTheirOwn() {
        assertEquals(Optional.of("US"), CallerJurisdiction.of("+1 212 736 3100"));
        assertEquals(Optional.of("GB"), CallerJurisdiction.of("+44 20 7946 0018"));
        assertEquals(Optional.of("CH"), CallerJurisdiction.of("+41 44 668 18 00"));
    }

    @Test
    void whatIsNotAnInternationalNumberGivesNone() {
        assertEquals(Optional.empty(), CallerJurisdiction.of(null));
        assertEquals(Optional.empty(), CallerJurisdiction.of(""));
        assertEquals(Optional.empty(), CallerJurisdiction.of("customer-42"));
        assertEquals(Optional.empty(), CallerJurisdiction.of("01 42 68 53 00"), "a national number without its country");
        assertEquals(Optional.empty(), CallerJurisdiction.of("+1 555"), "too short to be valid");
        assertEquals(Optional.empty(), CallerJurisdiction.of("+882 1234 5678"), "international networks have no country");
    }
}
