package io.vigil.crypto.bundle;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/** Passes bytes through while counting them and computing CRC-32, MD5, SHA-1 and SHA-256 in one pass. */
public final class DigestingOutputStream extends FilterOutputStream {

    private final CRC32 crc = new CRC32();
    private final MessageDigest md5 = algorithm("MD5");
    private final MessageDigest sha1 = algorithm("SHA-1");
    private final MessageDigest sha256 = algorithm("SHA-256");
    private long size;

    public DigestingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        crc.update(b, off, len);
        md5.update(b, off, len);
        sha1.update(b, off, len);
        sha256.update(b, off, len);
        size += len;
    }

    /** The digest of everything written so far, under {@code path}; call once, after the last write. */
    public EntryDigest digest(String path) {
        HexFormat hex = HexFormat.of();
        return new EntryDigest(path, size, crc.getValue(), hex.formatHex(md5.digest()), hex.formatHex(sha1.digest()),
                hex.formatHex(sha256.digest()));
    }

    /** The digest of {@code bytes} under {@code path}. */
    public static EntryDigest of(String path, byte[] bytes) {
        DigestingOutputStream out = new DigestingOutputStream(OutputStream.nullOutputStream());
        try {
            out.write(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new IllegalStateException("the null stream does not fail", e);
        }
        return out.digest(path);
    }

    static MessageDigest algorithm(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is always available", e);
        }
    }
}
