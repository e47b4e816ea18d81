package io.vigil.crypto.c2pa;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/**
 * A mono PCM16 WAV file signed with C2PA while it is written, so that a long recording is never held in memory:
 * the canonical 44-byte header, the {@code data} chunk, then the {@code C2PA} chunk as the last chunk, the layout
 * {@link WavContainer} gives.
 *
 * <p>Because the PCM length is declared up front, the hard binding's exclusion is known before the first sample:
 * it starts right after the audio ({@code 44 + pcmBytes}) and its length is fixed by laying out a placeholder store
 * (every hash has a fixed length, the signature is reserved). The header and the audio are hashed as they pass
 * through to {@code out}; {@link #finish} signs the claim over that hash and appends the store. One pass, no copy.
 *
 * <p>Made by {@link C2paWriter#signingWav}. Not thread-safe; {@code out} is not closed.
 */
public final class WavSigningStream {

    static final int HEADER_BYTES = 44;
    private static final int CHUNK_HEADER = 8;
    private static final int MAX_LAYOUT_ROUNDS = 8;

    private final OutputStream out;
    private final ManifestAssembly assembly;
    private final C2paSigner signer;
    private final Optional<TimestampAuthority> timestampAuthority;
    private final long pcmBytes;
    private final long exclusionStart;
    private final long exclusionLength;
    private final int signatureSize;
    private final MessageDigest digest;
    private long pcmWritten;
    private boolean finished;

    WavSigningStream(OutputStream out, int sampleRate, long pcmBytes, ManifestAssembly assembly, C2paSigner signer,
                     Optional<TimestampAuthority> timestampAuthority) throws C2paException, IOException {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive");
        }
        if (pcmBytes < 0 || pcmBytes % 2 != 0) {
            throw new IllegalArgumentException("16-bit PCM has an even, non-negative number of bytes: " + pcmBytes);
        }
        this.out = Objects.requireNonNull(out, "out");
        this.assembly = assembly;
        this.signer = signer;
        this.timestampAuthority = timestampAuthority;
        this.pcmBytes = pcmBytes;
        this.exclusionStart = HEADER_BYTES + pcmBytes;
        int reserved = ClaimSignature.reservedSize(signer, timestampAuthority.isPresent());
        long length = 0;
        int placeholder = -1;
        for (int round = 0; round < MAX_LAYOUT_ROUNDS && placeholder < 0; round++) {
            int storeLength = assembly.store(exclusionStart, length, new byte[32], new byte[reserved]).length;
            if (storeLength % 2 != 0) {
                reserved++; // RIFF chunks are word aligned: an even store needs no pad byte after it
            } else if (CHUNK_HEADER + storeLength == length) {
                placeholder = storeLength;
            } else {
                length = CHUNK_HEADER + storeLength;
            }
        }
        if (placeholder < 0) {
            throw new IllegalStateException("The manifest layout did not settle in " + MAX_LAYOUT_ROUNDS + " rounds");
        }
        long riffSize = 4 + 24 + CHUNK_HEADER + pcmBytes + length;
        if (riffSize > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("A WAV file holds at most 4 GiB: " + pcmBytes + " bytes of audio do not fit");
        }
        this.exclusionLength = length;
        this.signatureSize = reserved;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt((int) riffSize).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        header.put(ascii("data")).putInt((int) pcmBytes);
        hashed(header.array(), 0, HEADER_BYTES);
    }

    /** The length of the complete file, store included. */
    public long fileBytes() {
        return exclusionStart + exclusionLength;
    }

    /** Appends audio; the total must come to the declared length. */
    public void writePcm(byte[] pcm, int offset, int length) throws IOException {
        if (finished) {
            throw new IllegalStateException("The file is already signed");
        }
        if (pcmWritten + length > pcmBytes) {
            throw new IllegalStateException("More audio than the " + pcmBytes + " bytes declared");
        }
        hashed(pcm, offset, length);
        pcmWritten += length;
    }

    /**
     * Signs what was written and appends the manifest store. Returns the store, which is all a reader needs besides
     * the audio to know the manifest ({@link C2paReader#readStore}).
     */
    public byte[] finish() throws C2paException, IOException {
        if (finished) {
            throw new IllegalStateException("The file is already signed");
        }
        if (pcmWritten != pcmBytes) {
            throw new IllegalStateException("Only " + pcmWritten + " of the " + pcmBytes + " bytes of audio declared were written");
        }
        finished = true;
        byte[] assetHash = digest.digest();
        byte[] claim = assembly.claim(exclusionStart, exclusionLength, assetHash);
        byte[] signature = ClaimSignature.sign(claim, signer, timestampAuthority, signatureSize);
        byte[] store = assembly.store(exclusionStart, exclusionLength, assetHash, signature);
        if (CHUNK_HEADER + store.length != exclusionLength) {
            throw new IllegalStateException("The signed manifest store does not have its laid-out length");
        }
        byte[] chunkHeader = ByteBuffer.allocate(CHUNK_HEADER).order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("C2PA")).putInt(store.length).array();
        out.write(chunkHeader);
        out.write(store);
        return store;
    }

    private void hashed(byte[] bytes, int offset, int length) throws IOException {
        digest.update(bytes, offset, length);
        out.write(bytes, offset, length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
