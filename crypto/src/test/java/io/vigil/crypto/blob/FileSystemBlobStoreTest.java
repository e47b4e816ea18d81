package io.vigil.crypto.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

    @TempDir
    Path directory;

    @Test
    void putReplacesAtomicallyAndReadsBackWithRandomAccess() throws Exception {
        FileSystemBlobStore store = FileSystemBlobStore.open(directory.resolve("blobs"));
        BlobId id = BlobId.of("acme/2025/session-1/caller.vgrc");
        store.put(id, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        store.put(id, new ByteArrayInputStream(new byte[] {4, 5, 6, 7}));
        assertTrue(store.exists(id));
        assertEquals(4, store.size(id));
        try (SeekableByteChannel channel = store.open(id)) {
            ByteBuffer two = ByteBuffer.allocate(2);
            channel.position(2).read(two);
            assertArrayEquals(new byte[] {6, 7}, two.array());
        }
        assertNoTempFiles(store.root());
        assertTrue(store.delete(id));
        assertFalse(store.delete(id));
        assertThrows(NoSuchFileException.class, () -> store.open(id));
    }

    @Test
    void aFailedPutLeavesTheOldBlobAndNoTempFile() throws Exception {
        FileSystemBlobStore store = FileSystemBlobStore.open(directory);
        BlobId id = BlobId.of("export.bin");
        store.put(id, new ByteArrayInputStream(new byte[] {9}));
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 1000) {
                    return 1;
                }
                throw new IOException("upstream failed");
            }
        };
        assertThrows(IOException.class, () -> store.put(id, failing));
        assertEquals(1, store.size(id));
        assertNoTempFiles(store.root());
    }

    @Test
    void liveBlobsAppendDurablyAndAreNeverOverwritten() throws Exception {
        FileSystemBlobStore store = FileSystemBlobStore.open(directory);
        BlobId id = BlobId.of("acme/live.vgrc");
        try (LiveBlob blob = store.create(id)) {
            blob.write(new byte[] {1, 2});
            blob.flush();
            assertEquals(2, store.size(id), "flushed bytes are visible while the call is live");
            blob.write(new byte[] {3});
            assertEquals(3, blob.size());
        }
        assertThrows(FileAlreadyExistsException.class, () -> store.create(id));
        assertEquals(3, store.size(id));
    }

    @Test
    void blobIdsCannotEscapeTheStore() {
        for (String bad : new String[] {"../etc/passwd", "/abs", "a//b", "a/./b", "a/../b", ".hidden", "a/", "", "a\\b", "ü"}) {
            assertThrows(IllegalArgumentException.class, () -> BlobId.of(bad), bad);
        }
        assertEquals("a/b-c_d.e", BlobId.of("a/b-c_d.e").value());
    }

    private static void assertNoTempFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
