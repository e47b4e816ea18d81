package io.vigil.crypto.c2pa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The MP3 container tells where a store lands without building the file, and strips a store it carries. */
class Mp3ContainerTest {

    private final Mp3Container container = new Mp3Container();
    private final byte[] store = new byte[333];

    @Test
    void theExclusionItPredictsIsWhereEmbeddingPutsTheStore() throws Exception {
        for (byte[] mp3 : new byte[][] {TestAudio.mp3(12, true), TestAudio.mp3(12, false)}) {
            AudioContainer.Embedded embedded = container.embed(mp3, store);

            assertArrayEquals(new long[] {embedded.exclusionStart(), embedded.exclusionLength()},
                    container.exclusion(mp3, store));
            int start = (int) embedded.exclusionStart();
            assertArrayEquals(store, Arrays.copyOfRange(embedded.asset(), start, start + store.length));
            assertArrayEquals(Arrays.copyOfRange(mp3, mp3.length - 12 * 417, mp3.length),
                    Arrays.copyOfRange(embedded.asset(), embedded.asset().length - 12 * 417, embedded.asset().length),
                    "the audio follows the tag unchanged");
        }
    }

    @Test
    void removingTheManifestRestoresTheFileAndAFileWithoutOneIsNotCopied() throws Exception {
        byte[] tagged = TestAudio.mp3(5, true);
        byte[] untagged = TestAudio.mp3(5, false);

        assertArrayEquals(tagged, container.withoutManifest(container.embed(tagged, store).asset()));
        assertArrayEquals(untagged, container.withoutManifest(container.embed(untagged, store).asset()));
        assertSame(tagged, container.withoutManifest(tagged));
        assertEquals(store.length, container.locate(container.embed(tagged, store).asset()).orElseThrow().store().length);
    }
}
