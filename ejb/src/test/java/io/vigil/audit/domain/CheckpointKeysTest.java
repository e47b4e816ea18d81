package io.vigil.audit.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.crypto.audit.Checkpoint;
import io.vigil.crypto.audit.SignedCheckpoint;
import io.vigil.crypto.keys.KeyProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointKeysTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartCreatesTheKeyAndLaterStartsSignWithTheSameOne() throws Exception {
        Path keystore = dir.resolve("audit.bcfks");
        byte[] keyId;
        SignedCheckpoint signed;
        try (CheckpointKeys keys = CheckpointKeys.openOrCreate(keystore, "secret-1".toCharArray())) {
            keyId = keys.signer().key().keyId();
            signed = SignedCheckpoint.sign(new Checkpoint("vigil/audit", 3, new byte[32]), keys.signer());
        }
        assertTrue(Files.isRegularFile(keystore));
        try (CheckpointKeys again = CheckpointKeys.openOrCreate(keystore, "secret-1".toCharArray())) {
            assertArrayEquals(keyId, again.signer().key().keyId());
            assertTrue(SignedCheckpoint.parse(signed.note()).verifiedBy(again.signer().key()));
            assertTrue(again.signer().key().toPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
        }
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Path keystore = dir.resolve("audit.bcfks");
        CheckpointKeys.openOrCreate(keystore, "right".toCharArray()).close();
        assertThrows(KeyProviderException.class, () -> CheckpointKeys.openOrCreate(keystore, "wrong".toCharArray()));
    }
}
