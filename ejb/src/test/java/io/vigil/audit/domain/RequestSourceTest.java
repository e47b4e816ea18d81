package io.vigil.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RequestSourceTest {

    @Test
    void forwardedForIsIgnoredUnlessTrusted() {
        assertEquals("10.0.0.5", RequestSource.of("10.0.0.5", "203.0.113.9", false));
        assertEquals("10.0.0.5", RequestSource.of("10.0.0.5", null, true));
        assertEquals("10.0.0.5", RequestSource.of("10.0.0.5", " ", true));
    }

    @Test
    void theNearestProxysEntryCountsNotWhatTheClientClaims() {
        assertEquals("203.0.113.9", RequestSource.of("10.0.0.5", "203.0.113.9", true));
        assertEquals("198.51.100.4", RequestSource.of("10.0.0.5", "1.2.3.4, 198.51.100.4", true),
                "the client may prepend anything; the right-most entry is the proxy's");
    }

    @Test
    void theThreadKeepsItsRequestsAddress() {
        RequestSource.enter("192.0.2.1");
        try {
            assertEquals("192.0.2.1", RequestSource.current());
        } finally {
            RequestSource.leave();
        }
        assertNull(RequestSource.current());
    }
}
