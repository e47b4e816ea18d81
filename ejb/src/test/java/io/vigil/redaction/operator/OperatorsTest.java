package io.vigil.redaction.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.redaction.RedactionEngine;
import io.vigil.redaction.RedactionResult;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class OperatorsTest {

    private static final RedactionEngine ENGINE = RedactionEngine.createDefault();
    private static final byte[] TENANT_A = "tenant-a-secret-key-0123456789ab".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TENANT_B = "tenant-b-secret-key-0123456789ab".getBytes(StandardCharsets.US_ASCII);

    @Test
    void typeTagNamesTheEntityAndReportsOriginalOffsets() {
        String text = "my card number is four one one one one one one one one one one one one one one one thanks";
        RedactionResult r = ENGINE.redact(text);
        assertEquals("my card number is [CREDIT_CARD] thanks", r.redactedText());
        assertEquals(1, r.entities().size());
        assertEquals(18, r.entities().get(0).start());
        assertEquals(text.length() - " thanks".length(), r.entities().get(0).end());
    }

    @Test
    void maskKeepsShapeAndOptionallyLastDigits() {
        String masked = ENGINE.withOperator(new MaskOperator()).redact("my pin is 1234, ok").redactedText();
        assertEquals("my pin is ****, ok", masked);
        String tail = ENGINE.withOperator(new MaskOperator('#', 4))
                .redact("card number 4111 1111 1111 1111").redactedText();
        assertEquals("card number #### #### #### #### (ending 1111)", tail);
    }

    @Test
    void keyedHashIsStablePerTenantAndAcrossSpokenAndWrittenForms() {
        RedactionEngine a = ENGINE.withOperator(new KeyedHashOperator(TENANT_A));
        String spoken = a.redact("my card is four one one one one one one one one one one one one one one one")
                .redactedText();
        String written = a.redact("card 4111 1111 1111 1111").redactedText();
        String tokenSpoken = token(spoken);
        assertEquals(tokenSpoken, token(written));
        assertEquals(tokenSpoken, token(a.redact("my card is 4111111111111111").redactedText()));
        assertTrue(tokenSpoken.matches("\\[CREDIT_CARD:[0-9a-f]{16}]"), tokenSpoken);
    }

    @Test
    void keyedHashDiffersAcrossTenantsAndValues() {
        KeyedHashOperator a = new KeyedHashOperator(TENANT_A);
        KeyedHashOperator b = new KeyedHashOperator(TENANT_B);
        assertNotEquals(a.token("US_SSN", "123456789"), b.token("US_SSN", "123456789"));
        assertNotEquals(a.token("US_SSN", "123456789"), a.token("US_SSN", "123456780"));
        assertNotEquals(a.token("US_SSN", "1234"), a.token("PIN", "1234"));
        assertThrows(IllegalArgumentException.class, () -> new KeyedHashOperator(new byte[8]));
    }

    @Test
    void encryptRoundTripsTheOriginalWordsAndRejectsTampering() throws GeneralSecurityException {
        AesGcmValueCipher cipher = new AesGcmValueCipher(new SecretKeySpec(new byte[32], "AES"));
        String redacted = ENGINE.withOperator(new EncryptOperator(cipher)).redact("my pin is one two three four")
                .redactedText();
        Matcher m = Pattern.compile("\\[PIN:enc:([A-Za-z0-9_-]+)]").matcher(redacted);
        assertTrue(m.find(), redacted);
        byte[] ct = Base64.getUrlDecoder().decode(m.group(1));
        byte[] aad = "PIN".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals("one two three four".getBytes(StandardCharsets.UTF_8), cipher.decrypt(ct, aad));

        for (int i = 0; i < ct.length; i++) {
            byte[] flipped = ct.clone();
            flipped[i] ^= 0x01;
            assertThrows(GeneralSecurityException.class, () -> cipher.decrypt(flipped, aad), "bit flip at " + i);
        }
        assertThrows(GeneralSecurityException.class, () -> cipher.decrypt(Arrays.copyOf(ct, ct.length - 1), aad));
        byte[] longer = Arrays.copyOf(ct, ct.length + 1);
        assertThrows(GeneralSecurityException.class, () -> cipher.decrypt(longer, aad));
        assertThrows(GeneralSecurityException.class,
                () -> cipher.decrypt(ct, "US_SSN".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void encryptTakesAnyCipherImplementation() {
        ValueCipher reversing = (plain, aad) -> new StringBuilder(new String(plain, StandardCharsets.UTF_8))
                .reverse().toString().getBytes(StandardCharsets.UTF_8);
        String out = ENGINE.withOperator(new EncryptOperator(reversing)).redact("my pin is 1234").redactedText();
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("4321".getBytes(StandardCharsets.UTF_8));
        assertEquals("my pin is [PIN:enc:" + expected + "]", out);
    }

    private static String token(String redacted) {
        Matcher m = Pattern.compile("\\[CREDIT_CARD:[0-9a-f]+]").matcher(redacted);
        assertTrue(m.find(), redacted);
        return m.group();
    }
}
