package io.vigil.crypto.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.crypto.keys.BcfksKeyProvider;
import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;

/** A real BCFKS keystore in a temp directory and helpers to write, tamper with and read recordings. */
final class RecordingFixture implements AutoCloseable {

    static final RecordingContext CONTEXT = new RecordingContext("acme", "session-1", "caller", "audio/raw");
    static final KeyName KEK = new KeyName("acme", KeyDomain.AUDIO);

    final KeyProvider provider;
    final DataKeyWrapper keys;

    private RecordingFixture(KeyProvider provider) {
        this.provider = provider;
        this.keys = DataKeyWrapper.create(provider);
    }

    /** A fresh keystore with version 1 of the audio key of tenant acme. */
    static RecordingFixture create(Path directory) throws Exception {
        RecordingFixture fixture = new RecordingFixture(BcfksKeyProvider.open(directory.resolve("keys.bcfks"), "test-only-password".toCharArray()));
        fixture.provider.createVersion(KEK);
        return fixture;
    }

    /** The keystore {@link #create} made in {@code directory}, opened again (e.g. after another process used it). */
    static RecordingFixture reopen(Path directory) throws Exception {
        return new RecordingFixture(BcfksKeyProvider.open(directory.resolve("keys.bcfks"), "test-only-password".toCharArray()));
    }

    static byte[] audio(int length, long seed) {
        byte[] audio = new byte[length];
        new Random(seed).nextBytes(audio);
        return audio;
    }

    byte[] record(byte[] audio, RecordingContext context, int segmentSize) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordingWriter writer = RecordingWriter.create(out, keys, KEK, context, segmentSize)) {
            // uneven chunks, as audio frames arrive
            Random random = new Random(audio.length);
            for (int offset = 0; offset < audio.length; ) {
                int chunk = Math.min(audio.length - offset, 1 + random.nextInt(3 * segmentSize / 2));
                writer.write(audio, offset, chunk);
                offset += chunk;
            }
        }
        return out.toByteArray();
    }

    RecordingReader open(byte[] recording, RecordingContext context) throws IOException {
        return RecordingReader.open(new BytesChannel(recording), keys, context);
    }

    static byte[] readAll(RecordingReader reader) throws IOException {
        ByteBuffer all = ByteBuffer.allocate((int) reader.size());
        reader.read(0, all);
        return all.array();
    }

    /** Asserts that opening or fully reading fails with {@code reason}; returns the exception. */
    RecordingFormatException assertRejected(RecordingFormatException.Reason reason, byte[] recording, RecordingContext context) {
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> {
            try (RecordingReader reader = open(recording, context)) {
                readAll(reader);
            }
        });
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    static int headerLength(byte[] recording) {
        return ((recording[5] & 0xff) << 8) | (recording[6] & 0xff);
    }

    @Override
    public void close() throws Exception {
        provider.close();
    }
}
