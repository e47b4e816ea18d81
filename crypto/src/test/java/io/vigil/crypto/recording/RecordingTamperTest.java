package io.vigil.crypto.recording;

import static io.vigil.crypto.recording.RecordingFixture.CONTEXT;
import static io.vigil.crypto.recording.RecordingFormatException.Reason.BAD_MAGIC;
import static io.vigil.crypto.recording.RecordingFormatException.Reason.HEADER_TAMPERED;
import static io.vigil.crypto.recording.RecordingFormatException.Reason.SEGMENT_TAMPERED;
import static io.vigil.crypto.recording.RecordingFormatException.Reason.TRAILING_DATA;
import static io.vigil.crypto.recording.RecordingFormatException.Reason.TRUNCATED;
import static io.vigil.crypto.recording.RecordingFormatException.Reason.UNSUPPORTED_VERSION;
import static io.vigil.crypto.recording.RecordingFormatException.Reason.WRONG_ASSOCIATED_DATA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampers with every part of a recording and checks the reader refuses with the specific reason and never
 * returns plaintext that did not authenticate. Truncation at a segment boundary is indistinguishable from a
 * writer that died there, so the lenient reader reports it INCOMPLETE and {@code requireComplete} refuses it.
 */
class RecordingTamperTest {

    private static final int SEGMENT = 64;
    private static final int C = SEGMENT + 16;
    private static final int SEGMENTS = 8;

    @TempDir
    static Path directory;
    private static RecordingFixture fixture;
    private static byte[] audio;
    private static byte[] recording;
    private static int header;

    @BeforeAll
    static void record() throws Exception {
        fixture = RecordingFixture.create(directory);
        audio = RecordingFixture.audio((SEGMENTS - 1) * SEGMENT + 20, 1);
        recording = fixture.record(audio, CONTEXT, SEGMENT);
        header = RecordingFixture.headerLength(recording);
        assertEquals(header + SEGMENTS * C, recording.length);
    }

    @AfterAll
    static void close() throws Exception {
        fixture.close();
    }

    @Test
    void truncationAtEverySegmentBoundaryLeavesAVerifiedPrefixMarkedIncomplete() throws Exception {
        for (int kept = 0; kept < SEGMENTS; kept++) {
            byte[] cut = Arrays.copyOf(recording, header + kept * C);
            try (RecordingReader reader = fixture.open(cut, CONTEXT)) {
                assertEquals(RecordingStatus.INCOMPLETE, reader.status(), "cut after " + kept + " segments");
                assertEquals((long) kept * SEGMENT, reader.size());
                assertArrayEquals(Arrays.copyOf(audio, kept * SEGMENT), RecordingFixture.readAll(reader));
                assertEquals(TRUNCATED, assertThrows(RecordingFormatException.class, reader::requireComplete).reason());
            }
        }
    }

    @Test
    void truncationInsideEverySegmentIgnoresTheTornTail() throws Exception {
        for (int segment = 0; segment < SEGMENTS; segment++) {
            for (int into : new int[] {1, SEGMENT / 2, SEGMENT, C - 1}) {
                byte[] cut = Arrays.copyOf(recording, header + segment * C + into);
                try (RecordingReader reader = fixture.open(cut, CONTEXT)) {
                    assertEquals(RecordingStatus.INCOMPLETE, reader.status());
                    assertEquals(into, reader.ignoredTailBytes());
                    assertArrayEquals(Arrays.copyOf(audio, segment * SEGMENT), RecordingFixture.readAll(reader));
                    assertEquals(TRUNCATED, assertThrows(RecordingFormatException.class, reader::requireComplete).reason());
                }
            }
        }
    }

    @Test
    void truncationInsideTheHeaderIsRefused() {
        for (int length = 0; length < header; length++) {
            fixture.assertRejected(TRUNCATED, Arrays.copyOf(recording, length), CONTEXT);
        }
    }

    @Test
    void bytesAppendedAfterTheFinalSegmentAreRefused() {
        for (int extra : new int[] {1, 16, C - 1, C}) {
            byte[] longer = Arrays.copyOf(recording, recording.length + extra);
            fixture.assertRejected(TRAILING_DATA, longer, CONTEXT);
        }
        byte[] duplicatedFinal = concat(recording, Arrays.copyOfRange(recording, recording.length - C, recording.length));
        fixture.assertRejected(TRAILING_DATA, duplicatedFinal, CONTEXT);
    }

    @Test
    void everyFlippedHeaderByteIsRefused() {
        for (int i = 0; i < header; i++) {
            for (int mask : new int[] {0x01, 0x80}) {
                byte[] tampered = recording.clone();
                tampered[i] ^= (byte) mask;
                RecordingFormatException.Reason expected = i < 4 ? BAD_MAGIC : i == 4 ? UNSUPPORTED_VERSION : HEADER_TAMPERED;
                fixture.assertRejected(expected, tampered, CONTEXT);
            }
        }
    }

    @Test
    void flippedBytesInEverySegmentAreRefusedAndNothingOfThatSegmentIsReturned() throws Exception {
        for (int segment = 0; segment < SEGMENTS; segment++) {
            for (int offset : new int[] {0, 1, SEGMENT / 2, SEGMENT - 1, SEGMENT, C - 1}) {
                byte[] tampered = recording.clone();
                tampered[header + segment * C + offset] ^= 0x01;
                if (segment == SEGMENTS - 1) {
                    // the last segment is checked when the recording is opened
                    fixture.assertRejected(SEGMENT_TAMPERED, tampered, CONTEXT);
                    continue;
                }
                try (RecordingReader reader = fixture.open(tampered, CONTEXT)) {
                    assertEquals(RecordingStatus.COMPLETE, reader.status());
                    ByteBuffer target = ByteBuffer.allocate((int) reader.size());
                    RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> reader.read(0, target));
                    assertEquals(SEGMENT_TAMPERED, e.reason());
                    assertEquals(segment * SEGMENT, target.position(), "only the segments before the tampered one are returned");
                    assertArrayEquals(Arrays.copyOf(audio, segment * SEGMENT), Arrays.copyOf(target.array(), target.position()));
                    int into = segment * SEGMENT + 3;
                    assertEquals(SEGMENT_TAMPERED, assertThrows(RecordingFormatException.class,
                            () -> reader.read(into, ByteBuffer.allocate(4))).reason(), "random access hits the same check");
                }
            }
        }
    }

    @Test
    void reorderedSegmentsAreRefused() {
        for (int a = 0; a < SEGMENTS; a++) {
            for (int b = a + 1; b < SEGMENTS; b++) {
                fixture.assertRejected(SEGMENT_TAMPERED, swapSegments(recording, a, b), CONTEXT);
            }
        }
    }

    @Test
    void duplicatedOrDroppedSegmentsAreRefused() {
        for (int segment = 0; segment < SEGMENTS - 1; segment++) {
            byte[] copy = Arrays.copyOfRange(recording, header + segment * C, header + (segment + 1) * C);
            byte[] duplicated = concat(Arrays.copyOf(recording, header + (segment + 1) * C),
                    concat(copy, Arrays.copyOfRange(recording, header + (segment + 1) * C, recording.length)));
            fixture.assertRejected(SEGMENT_TAMPERED, duplicated, CONTEXT);
            byte[] dropped = concat(Arrays.copyOf(recording, header + segment * C),
                    Arrays.copyOfRange(recording, header + (segment + 1) * C, recording.length));
            fixture.assertRejected(SEGMENT_TAMPERED, dropped, CONTEXT);
        }
    }

    @Test
    void headerSwappedBetweenTwoRecordingsOfTheSameTrackIsRefused() throws Exception {
        byte[] other = fixture.record(audio, CONTEXT, SEGMENT);
        byte[] swapped = concat(Arrays.copyOf(other, header), Arrays.copyOfRange(recording, header, recording.length));
        fixture.assertRejected(SEGMENT_TAMPERED, swapped, CONTEXT);
    }

    @Test
    void recordingOfAnotherCallOrTenantIsRefusedBeforeAnyKeyIsUsed() throws Exception {
        RecordingContext otherSession = new RecordingContext("acme", "session-2", "caller", "audio/raw");
        fixture.assertRejected(WRONG_ASSOCIATED_DATA, recording, otherSession);
        fixture.assertRejected(WRONG_ASSOCIATED_DATA, recording, new RecordingContext("globex", "session-1", "caller", "audio/raw"));
        fixture.assertRejected(WRONG_ASSOCIATED_DATA, recording, new RecordingContext("acme", "session-1", "agent", "audio/raw"));
        fixture.assertRejected(WRONG_ASSOCIATED_DATA, recording, new RecordingContext("acme", "session-1", "caller", "audio/redacted"));

        // the segments of one call under the header of another call, opened as either call
        byte[] otherCall = fixture.record(audio, otherSession, SEGMENT);
        int otherHeader = RecordingFixture.headerLength(otherCall);
        byte[] mixed = concat(Arrays.copyOf(otherCall, otherHeader), Arrays.copyOfRange(recording, header, recording.length));
        fixture.assertRejected(WRONG_ASSOCIATED_DATA, mixed, CONTEXT);
        fixture.assertRejected(SEGMENT_TAMPERED, mixed, otherSession);
    }

    @Test
    void aForgedHeaderWithARecomputedChecksumIsStillRefused() throws Exception {
        // Rewrite the session id to another of the same length and fix the unkeyed checksum, as an attacker would.
        RecordingContext forgedContext = new RecordingContext("acme", "session-9", "caller", "audio/raw");
        byte[] forged = replaceOnce(recording, "session-1", "session-9");
        TamperedHeaders.fixChecksum(forged);
        RecordingFormatException e = fixture.assertRejected(RecordingFormatException.Reason.WRONG_KEY, forged, forgedContext);
        assertTrue(e.getMessage().contains("does not unwrap"), e.getMessage());

        // Change the salt (not covered by the key wrap): the keyed header tag catches it.
        byte[] newSalt = recording.clone();
        newSalt[11] ^= 0x01;
        TamperedHeaders.fixChecksum(newSalt);
        fixture.assertRejected(HEADER_TAMPERED, newSalt, CONTEXT);
    }

    private static byte[] swapSegments(byte[] source, int a, int b) {
        byte[] swapped = source.clone();
        System.arraycopy(source, header + a * C, swapped, header + b * C, C);
        System.arraycopy(source, header + b * C, swapped, header + a * C, C);
        return swapped;
    }

    static byte[] replaceOnce(byte[] source, String from, String to) {
        byte[] needle = from.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i + needle.length <= source.length; i++) {
            if (Arrays.equals(source, i, i + needle.length, needle, 0, needle.length)) {
                byte[] result = source.clone();
                System.arraycopy(replacement, 0, result, i, replacement.length);
                return result;
            }
        }
        throw new AssertionError(from + " not found");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
