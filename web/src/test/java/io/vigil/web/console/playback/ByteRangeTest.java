package io.vigil.web.console.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static Optional<ByteRange> parse(String header, long size) throws ByteRange.Unsatisfiable {
        return ByteRange.parse(header, size);
    }

    @Test
    void aClosedRangeIsTakenAsIs() throws Exception {
        assertEquals(Optional.of(new ByteRange(100, 199)), parse("bytes=100-199", 1000));
        assertEquals("bytes 100-199/1000", new ByteRange(100, 199).contentRange(1000));
        assertEquals(100, new ByteRange(100, 199).length());
    }

    @Test
    void anOpenRangeRunsToTheEnd() throws Exception {
        assertEquals(Optional.of(new ByteRange(990, 999)), parse("bytes=990-", 1000));
    }

    @Test
    void aSuffixRangeIsTheLastBytes() throws Exception {
        assertEquals(Optional.of(new ByteRange(900, 999)), parse("bytes=-100", 1000));
        assertEquals(Optional.of(new ByteRange(0, 999)), parse("bytes=-5000", 1000), "longer than the file: all of it");
    }

    @Test
    void anEndPastTheFileIsClipped() throws Exception {
        assertEquals(Optional.of(new ByteRange(500, 999)), parse("bytes=500-5000", 1000));
    }

    @Test
    void aStartAtOrPastTheEndIsUnsatisfiable() {
        assertThrows(ByteRange.Unsatisfiable.class, () -> parse("bytes=1000-", 1000));
        assertThrows(ByteRange.Unsatisfiable.class, () -> parse("bytes=-0", 1000));
    }

    @Test
    void whatIsNotOneUsableRangeMeansTheWholeFile() throws Exception {
        assertTrue(parse(null, 1000).isEmpty());
        assertTrue(parse("bytes=0-1,5-9", 1000).isEmpty(), "multiple ranges");
        assertTrue(parse("items=0-1", 1000).isEmpty());
        assertTrue(parse("bytes=-", 1000).isEmpty());
        assertTrue(parse("bytes=9-3", 1000).isEmpty(), "a reversed range is ignored");
        assertTrue(parse("bytes=99999999999999999999-", 1000).isEmpty());
    }

    @Test
    void onlyUuidsNameARecording() {
        assertTrue(RecordingPlaybackServlet.idOf("/0b0e3c52-7d59-4b8c-9a51-6d0f6b3f8e11").isPresent());
        assertTrue(RecordingPlaybackServlet.idOf("/../etc/passwd").isEmpty());
        assertTrue(RecordingPlaybackServlet.idOf(null).isEmpty());
        assertTrue(RecordingPlaybackServlet.idOf("/").isEmpty());
    }
}
