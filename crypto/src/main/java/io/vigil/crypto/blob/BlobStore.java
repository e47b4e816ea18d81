package io.vigil.crypto.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * Storage for encrypted blobs (recordings, exports). It holds ciphertext only: callers encrypt before they
 * store, so a store needs no access control of its own beyond keeping blobs from being lost.
 */
public interface BlobStore {

    /** Stores a whole blob atomically: readers see the old content or the new, never a part. */
    void put(BlobId id, InputStream content) throws IOException;

    /**
     * Starts a blob written while a call is live. Each {@code flush()} makes what was written so far durable
     * and visible; a crash leaves everything up to the last flush. Fails if the blob exists.
     */
    LiveBlob create(BlobId id) throws IOException;

    /** Opens a blob for random-access reading; {@link java.nio.file.NoSuchFileException} if absent. */
    SeekableByteChannel open(BlobId id) throws IOException;

    boolean exists(BlobId id) throws IOException;

    /** Size in bytes; {@link java.nio.file.NoSuchFileException} if absent. */
    long size(BlobId id) throws IOException;

    /** Deletes a blob; returns false if it did not exist. */
    boolean delete(BlobId id) throws IOException;
}
