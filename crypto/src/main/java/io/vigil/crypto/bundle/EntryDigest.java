package io.vigil.crypto.bundle;

import java.util.Objects;

/**
 * What a bundle knows about one of its files: its path inside the ZIP, its size, and the digests review platforms
 * and courts ask for (MD5 and SHA-1 for load files, SHA-256 for the manifest), plus the CRC-32 the ZIP needs to
 * store the file without reading it twice. Digests are lower-case hex.
 */
public record EntryDigest(String path, long size, long crc32, String md5, String sha1, String sha256) {

    public EntryDigest {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("..")) {
            throw new IllegalArgumentException("a bundle path is relative, uses '/', and never '..': " + path);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
