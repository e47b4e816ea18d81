package io.vigil.crypto.c2pa;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Embeds a C2PA manifest store in an MP3 file's ID3v2 tag, the way c2pa-rs reads it: one GEOB (general
 * encapsulated object) frame whose MIME type is {@code application/c2pa}.
 *
 * <pre>
 * "ID3" | version (2.3 or 2.4: 03 00 / 04 00) | flags (00) | tag size (4 bytes, synchsafe: 7 bits each)
 *   frame*                 the input tag's other frames, byte for byte
 *   "GEOB" | frame size (v2.4 synchsafe, v2.3 plain u32 BE) | frame flags (00 00)
 *     encoding (00 = ISO-8859-1) | "application/c2pa" 00 | "c2pa" 00 | "c2pa manifest store" 00
 *     manifest store (JUMBF)
 * MPEG audio frames        byte for byte
 * </pre>
 *
 * <p>A file without a tag gets a new ID3v2.4 tag. The hard binding excludes only the manifest store bytes
 * inside the GEOB frame; the tag and frame headers, whose sizes depend on the store, stay hashed. Tags with
 * unsynchronisation, an extended header or a footer, and ID3v2.2 tags, are refused rather than rewritten.
 */
final class Mp3Container implements AudioContainer {

    static final String MIME_TYPE = "application/c2pa";
    private static final String DEPRECATED_MIME_TYPE = "application/x-c2pa-manifest-store";
    private static final byte[] GEOB_PREFIX = geobPrefix();
    private static final int TAG_HEADER = 10;
    private static final int FRAME_HEADER = 10;

    /**
     * The parts of an input file: its tag's version, the frames it keeps (all but a C2PA GEOB), whether it had a
     * C2PA GEOB, and where the audio starts. The audio is not copied out: each embed copies it once, into the result.
     */
    private record Parsed(int version, byte[] frames, boolean hadManifest, int audioStart) {
    }

    @Override
    public byte[] withoutManifest(byte[] asset) throws C2paFormatException {
        Parsed parsed = parse(asset);
        if (!parsed.hadManifest) {
            return asset;
        }
        if (parsed.frames.length == 0) {
            return Arrays.copyOfRange(asset, parsed.audioStart, asset.length);
        }
        return tag(parsed.version, parsed.frames, asset, parsed.audioStart);
    }

    @Override
    public Embedded embed(byte[] manifestFree, byte[] store) throws C2paFormatException {
        Parsed parsed = parse(manifestFree);
        ByteArrayOutputStream frames = new ByteArrayOutputStream(parsed.frames.length + FRAME_HEADER
                + GEOB_PREFIX.length + store.length);
        frames.writeBytes(parsed.frames);
        int geobBody = GEOB_PREFIX.length + store.length;
        frames.writeBytes("GEOB".getBytes(StandardCharsets.US_ASCII));
        frames.writeBytes(parsed.version == 4 ? synchsafe(geobBody) : bigEndian(geobBody));
        frames.writeBytes(new byte[2]);
        frames.writeBytes(GEOB_PREFIX);
        long storeOffset = TAG_HEADER + frames.size();
        frames.writeBytes(store);
        return new Embedded(tag(parsed.version, frames.toByteArray(), manifestFree, parsed.audioStart), storeOffset,
                store.length);
    }

    /** Where {@link #embed} would put the store, from the tag's frames alone: the audio is neither parsed nor copied. */
    @Override
    public long[] exclusion(byte[] manifestFree, byte[] store) throws C2paFormatException {
        Parsed parsed = parse(manifestFree);
        return new long[] {TAG_HEADER + parsed.frames.length + FRAME_HEADER + GEOB_PREFIX.length, store.length};
    }

    @Override
    public Optional<Located> locate(byte[] asset) throws C2paFormatException {
        if (!hasTag(asset)) {
            return Optional.empty();
        }
        int version = asset[3];
        checkTagHeader(asset);
        int end = TAG_HEADER + tagSize(asset);
        Located found = null;
        for (int at = TAG_HEADER; at + FRAME_HEADER <= end && asset[at] != 0; ) {
            int size = frameSize(asset, at, version);
            int body = at + FRAME_HEADER;
            if (body + size > end) {
                throw new C2paFormatException("ID3 frame at offset " + at + " runs past the tag");
            }
            if (isC2paGeob(asset, at, size)) {
                if (found != null) {
                    throw new C2paFormatException("The MP3 file has more than one C2PA GEOB frame");
                }
                int dataOffset = geobDataOffset(asset, body, body + size);
                found = new Located(Arrays.copyOfRange(asset, dataOffset, body + size), dataOffset, body + size - dataOffset);
            }
            at = body + size;
        }
        return Optional.ofNullable(found);
    }

    private static Parsed parse(byte[] asset) throws C2paFormatException {
        if (!hasTag(asset)) {
            if (asset.length < 2 || (asset[0] & 0xFF) != 0xFF || (asset[1] & 0xE0) != 0xE0) {
                throw new C2paFormatException("Not an MP3 file: neither an ID3v2 tag nor an MPEG frame sync at the start");
            }
            return new Parsed(4, new byte[0], false, 0);
        }
        checkTagHeader(asset);
        int version = asset[3];
        int end = TAG_HEADER + tagSize(asset);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        boolean hadManifest = false;
        int at = TAG_HEADER;
        // Frames end at the tag's end or where zero padding starts.
        while (at + FRAME_HEADER <= end && asset[at] != 0) {
            int size = frameSize(asset, at, version);
            int next = at + FRAME_HEADER + size;
            if (next > end) {
                throw new C2paFormatException("ID3 frame at offset " + at + " runs past the tag");
            }
            if (isC2paGeob(asset, at, size)) {
                hadManifest = true;
            } else {
                kept.write(asset, at, next - at);
            }
            at = next;
        }
        return new Parsed(version, kept.toByteArray(), hadManifest, end);
    }

    private static boolean hasTag(byte[] asset) {
        return asset.length >= TAG_HEADER && asset[0] == 'I' && asset[1] == 'D' && asset[2] == '3';
    }

    private static void checkTagHeader(byte[] asset) throws C2paFormatException {
        int version = asset[3];
        if (version != 3 && version != 4) {
            throw new C2paFormatException("ID3v2." + version + " tags are not supported: re-tag the MP3 as ID3v2.3 or v2.4");
        }
        if ((asset[5] & 0xD0) != 0) {
            throw new C2paFormatException("ID3 tags with unsynchronisation, an extended header or a footer are not "
                    + "supported: re-tag the MP3 without them");
        }
        if (TAG_HEADER + tagSize(asset) > asset.length) {
            throw new C2paFormatException("The ID3 tag size runs past the end of the file: the MP3 is truncated");
        }
    }

    private static int tagSize(byte[] asset) {
        return fromSynchsafe(asset, 6);
    }

    private static int frameSize(byte[] asset, int at, int version) {
        if (version == 4) {
            return fromSynchsafe(asset, at + 4);
        }
        return ((asset[at + 4] & 0xFF) << 24) | ((asset[at + 5] & 0xFF) << 16) | ((asset[at + 6] & 0xFF) << 8)
                | (asset[at + 7] & 0xFF);
    }

    private static boolean isC2paGeob(byte[] asset, int at, int size) {
        if (!new String(asset, at, 4, StandardCharsets.US_ASCII).equals("GEOB") || size < 2) {
            return false;
        }
        int mimeStart = at + FRAME_HEADER + 1;
        int nul = indexOfNul(asset, mimeStart, at + FRAME_HEADER + size);
        if (nul < 0) {
            return false;
        }
        String mime = new String(asset, mimeStart, nul - mimeStart, StandardCharsets.ISO_8859_1);
        return mime.equals(MIME_TYPE) || mime.equals(DEPRECATED_MIME_TYPE);
    }

    /** Skips the GEOB frame's encoding byte, MIME type, file name and description to its object data. */
    private static int geobDataOffset(byte[] asset, int body, int end) throws C2paFormatException {
        int encoding = asset[body];
        int at = indexOfNul(asset, body + 1, end) + 1;
        boolean wide = encoding == 1 || encoding == 2;
        for (int field = 0; field < 2; field++) {
            int nul = wide ? indexOfWideNul(asset, at, end) : indexOfNul(asset, at, end);
            if (nul < 0) {
                throw new C2paFormatException("Malformed C2PA GEOB frame header");
            }
            at = nul + (wide ? 2 : 1);
        }
        return at;
    }

    private static int indexOfNul(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfWideNul(byte[] bytes, int from, int to) {
        for (int i = from; i + 1 < to; i += 2) {
            if (bytes[i] == 0 && bytes[i + 1] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A new ID3v2 tag holding {@code frames}, followed by the audio of {@code asset} from {@code audioStart}: one allocation, one copy. */
    private static byte[] tag(int version, byte[] frames, byte[] asset, int audioStart) {
        int audioLength = asset.length - audioStart;
        byte[] out = new byte[TAG_HEADER + frames.length + audioLength];
        out[0] = 'I';
        out[1] = 'D';
        out[2] = '3';
        out[3] = (byte) version;
        System.arraycopy(synchsafe(frames.length), 0, out, 6, 4);
        System.arraycopy(frames, 0, out, TAG_HEADER, frames.length);
        System.arraycopy(asset, audioStart, out, TAG_HEADER + frames.length, audioLength);
        return out;
    }

    private static byte[] geobPrefix() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        for (String field : new String[] {MIME_TYPE, "c2pa", "c2pa manifest store"}) {
            out.writeBytes(field.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] synchsafe(int value) {
        if (value >= 1 << 28) {
            throw new IllegalArgumentException("ID3 sizes are limited to 256 MiB");
        }
        return new byte[] {(byte) (value >> 21 & 0x7F), (byte) (value >> 14 & 0x7F), (byte) (value >> 7 & 0x7F),
            (byte) (value & 0x7F)};
    }

    private static int fromSynchsafe(byte[] bytes, int at) {
        return (bytes[at] & 0x7F) << 21 | (bytes[at + 1] & 0x7F) << 14 | (bytes[at + 2] & 0x7F) << 7 | (bytes[at + 3] & 0x7F);
    }

    private static byte[] bigEndian(int value) {
        return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }
}
