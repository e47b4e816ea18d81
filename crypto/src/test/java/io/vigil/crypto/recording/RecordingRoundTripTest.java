package io.vigil.crypto.recording;

import static io.vigil.crypto.recording.RecordingFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingRoundTripTest {

    private static final int SEGMENT = 256;

    @TempDir
    static Path directory;
    private static RecordingFixture fixture;

    @BeforeAll
    static void keys() throws Exception {
        fixture = RecordingFixture.create(directory);
    }

    @AfterAll
    static void close() throws Exception {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 2 * SEGMENT, 37 * SEGMENT + 100})
    void roundTripsAnyLength(int length) throws Exception {
        byte[] audio = RecordingFixture.audio(length, length);
        byte[] recording = fixture.record(audio, CONTEXT, SEGMENT);

        try (RecordingReader reader = fixture.open(recording, CONTEXT)) {
            assertEquals(RecordingStatus.COMPLETE, reader.status());
            assertSame(reader, reader.requireComplete());
            assertEquals(length, reader.size());
            assertEquals(length / SEGMENT + 1, reader.segmentCount(), "full segments plus the padded final one");
            assertArrayEquals(audio, RecordingFixture.readAll(reader));
        }
        int header = RecordingFixture.headerLength(recording);
        assertEquals(header + (length / SEGMENT + 1) * (long) (SEGMENT + 16), recording.length);
    }

    @Test
    void readsFromArbitraryOffsetsWithoutReadingWhatComesBefore() throws Exception {
        byte[] audio = RecordingFixture.audio(50 * SEGMENT + 17, 7);
        byte[] recording = fixture.record(audio, CONTEXT, SEGMENT);
        Random random = new Random(11);
        try (RecordingReader reader = fixture.open(recording, CONTEXT)) {
            for (int i = 0; i < 500; i++) {
                int offset = random.nextInt(audio.length + 10);
                ByteBuffer target = ByteBuffer.allocate(random.nextInt(3 * SEGMENT));
                int read = reader.read(offset, target);
                int expected = Math.min(target.capacity(), Math.max(audio.length - offset, 0));
                if (offset >= audio.length) {
                    assertEquals(-1, read);
                } else {
                    assertEquals(expected, read);
                    assertArrayEquals(Arrays.copyOfRange(audio, offset, offset + expected), Arrays.copyOf(target.array(), read));
                }
            }
        }
    }

    @Test
    void seeksBackwardsAndForwardsThroughStreamAndChannelViews() throws Exception {
        byte[] audio = RecordingFixture.audio(20 * SEGMENT + 3, 8);
        byte[] recording = fixture.record(audio, CONTEXT, SEGMENT);
        try (RecordingReader reader = fixture.open(recording, CONTEXT)) {
            try (InputStream in = reader.openAt(5 * SEGMENT + 9)) {
                assertArrayEquals(Arrays.copyOfRange(audio, 5 * SEGMENT + 9, audio.length), in.readAllBytes());
            }
            SeekableByteChannel channel = reader.channel();
            assertEquals(audio.length, channel.size());
            for (long position : new long[] {19 * SEGMENT, 3, 11 * SEGMENT - 1, 0}) {
                ByteBuffer target = ByteBuffer.allocate(10);
                channel.position(position).read(target);
                assertArrayEquals(Arrays.copyOfRange(audio, (int) position, (int) position + 10), target.array());
                assertEquals(position + 10, channel.position());
            }
        }
    }

    @Test
    void flushesEachSegmentAsSoonAsItIsComplete() throws Exception {
        FlushCountingStream out = new FlushCountingStream();
        try (RecordingWriter writer = RecordingWriter.create(out, fixture.keys, RecordingFixture.KEK, CONTEXT, SEGMENT)) {
            int header = out.size();
            assertEquals(1, out.flushes, "the header is flushed on creation");
            writer.write(new byte[SEGMENT - 1]);
            assertEquals(header, out.size(), "an unfinished segment stays in memory");
            writer.write(new byte[1]);
            assertEquals(header + SEGMENT + 16, out.size());
            assertEquals(2, out.flushes);
            writer.write(new byte[3 * SEGMENT + 5]);
            assertEquals(header + 4L * (SEGMENT + 16), out.size());
            assertEquals(5, out.flushes);
            assertEquals(4, writer.segmentsWritten());
            assertEquals(RecordingFixture.KEK.keyId(), writer.keyReference().keyId());
        }
    }

    @Test
    void eachRecordingGetsItsOwnDataKeyAndSalt() throws Exception {
        byte[] audio = RecordingFixture.audio(3 * SEGMENT, 9);
        byte[] first = fixture.record(audio, CONTEXT, SEGMENT);
        byte[] second = fixture.record(audio, CONTEXT, SEGMENT);
        int header = RecordingFixture.headerLength(first);
        assertEquals(header, RecordingFixture.headerLength(second));
        byte[] firstBody = Arrays.copyOfRange(first, header, first.length);
        byte[] secondBody = Arrays.copyOfRange(second, header, second.length);
        assertEquals(false, Arrays.equals(firstBody, secondBody), "same audio must not give the same ciphertext");
    }

    private static final class FlushCountingStream extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int flushes;

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }

        int size() {
            return bytes.size();
        }
    }
}
