package io.vigil.crypto.c2pa;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Embeds a C2PA manifest store in a RIFF/WAVE file, the way c2pa-rs reads it.
 *
 * <pre>
 * "RIFF" | size (u32 LE = file length - 8) | "WAVE"
 *   chunk*                       "fmt ", "data", LIST, ... kept byte for byte, in order
 *   "C2PA" | size (u32 LE) | manifest store (JUMBF)     always the last top-level chunk
 * </pre>
 *
 * <p>The hard binding excludes {@code [offset of the C2PA chunk, 8 + chunk size]}: the chunk header and the
 * store. The RIFF size field stays inside the hashed range, so growing or truncating the file is detected.
 * Chunks are word aligned; the writer keeps the store's length even so the C2PA chunk needs no pad byte.
 */
final class WavContainer implements AudioContainer {

    private static final int RIFF_HEADER = 12;
    private static final int CHUNK_HEADER = 8;
    private static final String C2PA_CHUNK = "C2PA";

    @Override
    public byte[] withoutManifest(byte[] asset) throws C2paFormatException {
        checkRiffHeader(asset);
        int end = riffEnd(asset);
        int kept = 0;
        boolean hasStore = false;
        for (int at = RIFF_HEADER; at < end; ) {
            int next = nextChunk(asset, at, end);
            if (fourCc(asset, at).equals(C2PA_CHUNK)) {
                hasStore = true;
            } else {
                kept += next - at;
            }
            at = next;
        }
        if (!hasStore && end == asset.length) {
            return asset;   // nothing to remove: callers only read it, so no copy of a long recording
        }
        byte[] out = new byte[RIFF_HEADER + kept];
        writeRiffHeader(out, kept);
        int to = RIFF_HEADER;
        for (int at = RIFF_HEADER; at < end; ) {
            int next = nextChunk(asset, at, end);
            if (!fourCc(asset, at).equals(C2PA_CHUNK)) {
                System.arraycopy(asset, at, out, to, next - at);
                to += next - at;
            }
            at = next;
        }
        return out;
    }

    @Override
    public Embedded embed(byte[] manifestFree, byte[] store) throws C2paFormatException {
        checkRiffHeader(manifestFree);
        if (store.length % 2 != 0) {
            throw new IllegalArgumentException("The manifest store must have an even length to avoid a RIFF pad byte");
        }
        int chunks = riffEnd(manifestFree) - RIFF_HEADER;
        // one allocation and one copy: a ten-minute recording is about 19 MB
        byte[] out = new byte[RIFF_HEADER + chunks + CHUNK_HEADER + store.length];
        writeRiffHeader(out, chunks + CHUNK_HEADER + store.length);
        System.arraycopy(manifestFree, RIFF_HEADER, out, RIFF_HEADER, chunks);
        int chunkOffset = RIFF_HEADER + chunks;
        ByteBuffer.wrap(out, chunkOffset, CHUNK_HEADER).order(ByteOrder.LITTLE_ENDIAN)
                .put(C2PA_CHUNK.getBytes(StandardCharsets.US_ASCII)).putInt(store.length);
        System.arraycopy(store, 0, out, chunkOffset + CHUNK_HEADER, store.length);
        return new Embedded(out, chunkOffset, CHUNK_HEADER + (long) store.length);
    }

    @Override
    public long[] exclusion(byte[] manifestFree, byte[] store) throws C2paFormatException {
        checkRiffHeader(manifestFree);
        return new long[] {riffEnd(manifestFree), CHUNK_HEADER + (long) store.length};
    }

    @Override
    public Optional<Located> locate(byte[] asset) throws C2paFormatException {
        checkRiffHeader(asset);
        int at = RIFF_HEADER;
        int end = riffEnd(asset);
        Located found = null;
        while (at < end) {
            int next = nextChunk(asset, at, end);
            if (fourCc(asset, at).equals(C2PA_CHUNK)) {
                if (found != null) {
                    throw new C2paFormatException("The WAV file has more than one C2PA chunk");
                }
                int size = (int) chunkSize(asset, at);
                byte[] store = new byte[size];
                System.arraycopy(asset, at + CHUNK_HEADER, store, 0, size);
                found = new Located(store, at, CHUNK_HEADER + (long) size);
            }
            at = next;
        }
        return Optional.ofNullable(found);
    }

    private static void checkRiffHeader(byte[] asset) throws C2paFormatException {
        if (asset.length < RIFF_HEADER || !fourCc(asset, 0).equals("RIFF") || !fourCc(asset, 8).equals("WAVE")) {
            throw new C2paFormatException("Not a RIFF/WAVE file");
        }
    }

    /** The end of the RIFF form; bytes after it (some tools append junk) are not ours to interpret. */
    private static int riffEnd(byte[] asset) throws C2paFormatException {
        long declared = ByteBuffer.wrap(asset, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (declared + 8 > asset.length) {
            throw new C2paFormatException("The RIFF size field (" + declared + ") runs past the end of the file ("
                    + asset.length + " bytes): the WAV file is truncated");
        }
        return (int) declared + 8;
    }

    private static int nextChunk(byte[] asset, int at, int end) throws C2paFormatException {
        if (end - at < CHUNK_HEADER) {
            throw new C2paFormatException("Truncated RIFF chunk header at offset " + at);
        }
        long size = chunkSize(asset, at);
        long next = at + CHUNK_HEADER + size + (size & 1);
        if (at + CHUNK_HEADER + size > end) {
            throw new C2paFormatException("RIFF chunk '" + fourCc(asset, at) + "' at offset " + at + " runs past the RIFF form");
        }
        return (int) Math.min(next, end);
    }

    private static long chunkSize(byte[] asset, int at) {
        return ByteBuffer.wrap(asset, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
    }

    private static String fourCc(byte[] asset, int at) {
        return new String(asset, at, 4, StandardCharsets.US_ASCII);
    }

    /** "RIFF" | size of the form | "WAVE", for {@code chunkBytes} of chunks after it. */
    private static void writeRiffHeader(byte[] out, int chunkBytes) {
        ByteBuffer.wrap(out, 0, RIFF_HEADER).order(ByteOrder.LITTLE_ENDIAN).put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(4 + chunkBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
    }

}
