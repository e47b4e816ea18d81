package io.vigil.redaction.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OriginalTranscriptCipherTest {

    private final byte[] key = new byte[32];
    private final UUID tenant = UUID.randomUUID();
    private final UUID call = UUID.randomUUID();
    private static final String LINE = "my card number is four one one one one one one one one one one one one one one one";

    OriginalTranscriptCipherTest() {
        new SecureRandom().nextBytes(key);
    }

    @Test
    void roundTripsAndHidesTheText() {
        OriginalTranscriptCipher.Sealed sealed = OriginalTranscriptCipher.seal(key, tenant, call, 3, LINE);
        assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("four one"));
        assertEquals(LINE, OriginalTranscriptCipher.open(key, tenant, call, 3, sealed));
    }

    @Test
    void aLineMovedToAnotherPositionCallOrTenantDoesNotOpen() {
        OriginalTranscriptCipher.Sealed sealed = OriginalTranscriptCipher.seal(key, tenant, call, 3, LINE);
        assertThrows(SecurityException.class, () -> OriginalTranscriptCipher.open(key, tenant, call, 4, sealed));
        assertThrows(SecurityException.class, () -> OriginalTranscriptCipher.open(key, tenant, UUID.randomUUID(), 3, sealed));
        assertThrows(SecurityException.class, () -> OriginalTranscriptCipher.open(key, UUID.randomUUID(), call, 3, sealed));
    }

    @Test
    void aFlippedByteOrAWrongKeyDoesNotOpen() {
        OriginalTranscriptCipher.Sealed sealed = OriginalTranscriptCipher.seal(key, tenant, call, 0, LINE);
        for (int i = 0; i < sealed.ciphertext().length; i += 7) {
            byte[] tampered = sealed.ciphertext().clone();
            tampered[i] ^= 0x01;
            OriginalTranscriptCipher.Sealed bad = new OriginalTranscriptCipher.Sealed(sealed.nonce(), tampered);
            assertThrows(SecurityException.class, () -> OriginalTranscriptCipher.open(key, tenant, call, 0, bad));
        }
        byte[] other = key.clone();
        other[0] ^= 0x01;
        assertThrows(SecurityException.class, () -> OriginalTranscriptCipher.open(other, tenant, call, 0, sealed));
    }
}
