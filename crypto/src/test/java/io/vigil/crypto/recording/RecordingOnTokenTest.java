package io.vigil.crypto.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.crypto.keys.SoftHsmToken;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** A recording whose data key is wrapped inside a SoftHSM2 token, then shredded by destroying the token key. */
class RecordingOnTokenTest {

    @Test
    void recordsUnderATokenKeyAndIsShreddedWhenTheTokenKeyIsDestroyed() throws Exception {
        KeyProvider token = SoftHsmToken.provider();
        DataKeyWrapper keys = DataKeyWrapper.create(token);
        KeyName kek = new KeyName("token-tenant-" + ProcessHandle.current().pid(), KeyDomain.AUDIO);
        KeyReference v1 = token.createVersion(kek);
        RecordingContext context = new RecordingContext(kek.tenantId(), "session-7", "agent", "audio/raw");
        byte[] audio = RecordingFixture.audio(5000, 12);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordingWriter writer = RecordingWriter.create(out, keys, kek, context, 1024)) {
            writer.write(audio);
        }
        byte[] recording = out.toByteArray();
        try (RecordingReader reader = RecordingReader.open(new BytesChannel(recording), keys, context)) {
            assertEquals("pkcs11", reader.keyReference().providerId());
            assertArrayEquals(audio, RecordingFixture.readAll(reader.requireComplete()));
        }

        token.destroy(v1);
        RecordingFormatException e = assertThrows(RecordingFormatException.class,
                () -> RecordingReader.open(new BytesChannel(recording), keys, context));
        assertEquals(RecordingFormatException.Reason.SHREDDED, e.reason());
    }
}
