package io.vigil.crypto.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.crypto.keys.BcfksKeyProvider;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedCheckpointTest {

    private static final Checkpoint CHECKPOINT = new Checkpoint(AuditFixture.ORIGIN, 1024, new byte[32]);

    @Test
    void theNoteIsBodyEmptyLineAndSignatureLine() throws Exception {
        KeyPair keys = AuditFixture.keyPair();
        SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, AuditFixture.signer(keys));
        String[] lines = signed.note().split("\n", -1);
        assertEquals(AuditFixture.ORIGIN, lines[0]);
        assertEquals("1024", lines[1]);
        assertEquals(Base64.getEncoder().encodeToString(new byte[32]), lines[2]);
        assertEquals("", lines[3]);
        assertTrue(lines[4].startsWith("\u2014 " + AuditFixture.ORIGIN + " "));
        assertEquals("", lines[5]);
        assertEquals(6, lines.length);
        SignedCheckpoint parsed = SignedCheckpoint.parse(signed.note());
        assertEquals(CHECKPOINT, parsed.checkpoint());
        assertTrue(parsed.verifiedBy(CheckpointKey.of(keys.getPublic())));
        assertTrue(parsed.verifiedBy(CheckpointKey.fromPem(CheckpointKey.of(keys.getPublic()).toPem())));
        assertFalse(parsed.verifiedBy(CheckpointKey.of(AuditFixture.keyPair().getPublic())), "another key");
    }

    @Test
    void aKeyProviderSigningKeySignsCheckpoints(@TempDir Path directory) throws Exception {
        try (BcfksKeyProvider provider = BcfksKeyProvider.open(directory.resolve("keys.bcfks"), "test-only".toCharArray())) {
            KeyReference key = provider.createVersion(new KeyName("platform", KeyDomain.SIGNING));
            CheckpointSigner signer = CheckpointSigner.of(provider, key);
            SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, signer);
            assertTrue(SignedCheckpoint.parse(signed.note()).verifiedBy(CheckpointKey.of(provider.publicKey(key))));
        }
    }

    @Test
    void everyChangedByteOfTheNoteIsRefused() throws Exception {
        KeyPair keys = AuditFixture.keyPair();
        CheckpointKey key = CheckpointKey.of(keys.getPublic());
        byte[] note = SignedCheckpoint.sign(CHECKPOINT, AuditFixture.signer(keys)).note().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < note.length; i++) {
            for (int bit : new int[] {0x01, 0x20, 0x80}) {
                byte[] altered = note.clone();
                altered[i] ^= (byte) bit;
                String text = new String(altered, StandardCharsets.UTF_8);
                if (text.equals(new String(note, StandardCharsets.UTF_8))) {
                    continue;
                }
                boolean accepted;
                try {
                    accepted = SignedCheckpoint.parse(text).verifiedBy(key);
                } catch (AuditFormatException e) {
                    accepted = false;
                }
                assertFalse(accepted, "byte " + i + " xor " + bit);
            }
        }
    }
}
