package io.vigil.crypto.c2pa;

import java.util.Optional;

/**
 * Where a C2PA manifest store lives inside one audio container, and which bytes the {@code c2pa.hash.data}
 * hard binding leaves out. Implementations are stateless.
 */
sealed interface AudioContainer permits WavContainer, Mp3Container {

    /** An asset with the store embedded, and the byte range the data hash excludes. */
    record Embedded(byte[] asset, long exclusionStart, long exclusionLength) {
    }

    /** A store found in an asset, and the range the data hash is expected to exclude for it. */
    record Located(byte[] store, long exclusionStart, long exclusionLength) {
    }

    /** The asset with any C2PA manifest store removed. */
    byte[] withoutManifest(byte[] asset) throws C2paFormatException;

    /**
     * Embeds {@code store} into a manifest-free asset. The layout depends only on the store's length, so a
     * placeholder of the final length yields the final exclusion range.
     */
    Embedded embed(byte[] manifestFree, byte[] store) throws C2paFormatException;

    /**
     * The byte range the data hash would exclude if {@code store} were embedded: {start, length}. Containers that
     * can tell without building the file override this (a long recording is not copied just to learn an offset).
     */
    default long[] exclusion(byte[] manifestFree, byte[] store) throws C2paFormatException {
        Embedded embedded = embed(manifestFree, store);
        return new long[] {embedded.exclusionStart(), embedded.exclusionLength()};
    }

    /** The embedded store, if any. */
    Optional<Located> locate(byte[] asset) throws C2paFormatException;
}
