package io.vigil.crypto.recording;

import static io.vigil.crypto.recording.RecordingFixture.CONTEXT;
import static io.vigil.crypto.recording.RecordingFixture.KEK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.crypto.keys.BcfksKeyProvider;
import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.crypto.keys.WrappedDataKey;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings across key rotation, retirement, destruction (crypto-shredding) and the wrong keys. */
class RecordingKeyLifecycleTest {

    private static final int SEGMENT = 128;

    @TempDir
    Path directory;

    @Test
    void rotationRewrapsTheHeaderOnlyThenRetirementAndShreddingTakeEffect() throws Exception {
        try (RecordingFixture fixture = RecordingFixture.create(directory)) {
            byte[] audio = RecordingFixture.audio(10 * SEGMENT + 5, 3);
            byte[] underV1 = fixture.record(audio, CONTEXT, SEGMENT);
            KeyReference v2 = fixture.provider.createVersion(KEK);

            ByteArrayOutputStream rewrapped = new ByteArrayOutputStream();
            RecordingRewrap.rewrap(new BytesChannel(underV1), rewrapped, fixture.keys, CONTEXT);
            byte[] underV2 = rewrapped.toByteArray();
            int header1 = RecordingFixture.headerLength(underV1);
            int header2 = RecordingFixture.headerLength(underV2);
            assertArrayEquals(Arrays.copyOfRange(underV1, header1, underV1.length), Arrays.copyOfRange(underV2, header2, underV2.length),
                    "segments are copied, never re-encrypted");
            try (RecordingReader reader = fixture.open(underV2, CONTEXT)) {
                assertEquals(v2, reader.keyReference());
                assertArrayEquals(audio, RecordingFixture.readAll(reader.requireComplete()));
            }
            try (RecordingReader reader = fixture.open(underV1, CONTEXT)) {
                assertArrayEquals(audio, RecordingFixture.readAll(reader), "the old version opens until it is retired");
            }

            fixture.provider.retireBelow(KEK, 2);
            fixture.assertRejected(RecordingFormatException.Reason.KEY_VERSION_RETIRED, underV1, CONTEXT);
            fixture.open(underV2, CONTEXT).close();

            fixture.provider.destroy(v2);
            fixture.assertRejected(RecordingFormatException.Reason.SHREDDED, underV2, CONTEXT);
        }
    }

    @Test
    void aRecordingWhoseHeaderNamesARetiredVersionOpensWithTheNewerWrapOfItsKey() throws Exception {
        try (RecordingFixture fixture = RecordingFixture.create(directory)) {
            byte[] audio = RecordingFixture.audio(4 * SEGMENT + 9, 6);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WrappedDataKey underV1;
            try (RecordingWriter writer = RecordingWriter.create(out, fixture.keys, KEK, CONTEXT, SEGMENT)) {
                writer.write(audio);
                underV1 = writer.wrappedKey();
            }
            byte[] recording = out.toByteArray();
            // a rotation rewraps the inventory's copy while the recording is still written, then retires version 1
            fixture.provider.createVersion(KEK);
            WrappedDataKey underV2 = fixture.keys.rewrap(underV1, CONTEXT.associatedData());
            fixture.provider.retireBelow(KEK, 2);

            fixture.assertRejected(RecordingFormatException.Reason.KEY_VERSION_RETIRED, recording, CONTEXT);
            try (RecordingReader reader = RecordingReader.open(new BytesChannel(recording), fixture.keys, CONTEXT,
                    underV2)) {
                assertArrayEquals(audio, RecordingFixture.readAll(reader.requireComplete()));
            }

            WrappedDataKey another;
            try (RecordingWriter other = RecordingWriter.create(new ByteArrayOutputStream(), fixture.keys, KEK, CONTEXT,
                    SEGMENT)) {
                another = other.wrappedKey();
            }
            RecordingFormatException e = assertThrows(RecordingFormatException.class,
                    () -> RecordingReader.open(new BytesChannel(recording), fixture.keys, CONTEXT, another));
            assertEquals(RecordingFormatException.Reason.HEADER_TAMPERED, e.reason(),
                    "another recording's key does not pass the header's tag: " + e.getMessage());
        }
    }

    @Test
    void aHeaderPointingAtAnotherKeyVersionIsRefused() throws Exception {
        try (RecordingFixture fixture = RecordingFixture.create(directory)) {
            byte[] recording = fixture.record(RecordingFixture.audio(3 * SEGMENT, 4), CONTEXT, SEGMENT);
            fixture.provider.createVersion(KEK);
            // key version is the u32 right before the wrapped key; v1 -> v2, checksum fixed as an attacker would
            byte[] forged = recording.clone();
            int versionOffset = indexOf(forged, KEK.keyId().getBytes()) + KEK.keyId().length() + 3;
            assertEquals(1, forged[versionOffset]);
            forged[versionOffset] = 2;
            TamperedHeaders.fixChecksum(forged);
            fixture.assertRejected(RecordingFormatException.Reason.WRONG_KEY, forged, CONTEXT);
        }
    }

    @Test
    void anotherKeystoreWithTheSameKeyNamesCannotOpenIt() throws Exception {
        byte[] recording;
        try (RecordingFixture fixture = RecordingFixture.create(directory.resolve("a"))) {
            recording = fixture.record(RecordingFixture.audio(3 * SEGMENT, 5), CONTEXT, SEGMENT);
        }
        try (RecordingFixture other = RecordingFixture.create(directory.resolve("b"))) {
            other.assertRejected(RecordingFormatException.Reason.WRONG_KEY, recording, CONTEXT);
        }
        try (BcfksKeyProvider empty = BcfksKeyProvider.open(directory.resolve("c.bcfks"), "x".toCharArray())) {
            RecordingFormatException e = org.junit.jupiter.api.Assertions.assertThrows(RecordingFormatException.class,
                    () -> RecordingReader.open(new BytesChannel(recording), DataKeyWrapper.create(empty), CONTEXT));
            assertEquals(RecordingFormatException.Reason.WRONG_KEY, e.reason());
        }
    }

    @Test
    void aShreddedRecordingReturnsNoPlaintextEvenThroughAnOpenStream() throws Exception {
        try (RecordingFixture fixture = RecordingFixture.create(directory)) {
            byte[] recording = fixture.record(RecordingFixture.audio(4 * SEGMENT, 6), CONTEXT, SEGMENT);
            fixture.provider.destroy(fixture.provider.currentVersion(KEK));
            RecordingFormatException e = org.junit.jupiter.api.Assertions.assertThrows(RecordingFormatException.class,
                    () -> fixture.open(recording, CONTEXT).read(0, ByteBuffer.allocate(16)));
            assertEquals(RecordingFormatException.Reason.SHREDDED, e.reason());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
