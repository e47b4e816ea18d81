package io.vigil.recording;

import io.vigil.crypto.blob.BlobId;
import io.vigil.crypto.blob.BlobStore;
import io.vigil.crypto.blob.LiveBlob;
import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.WrappedDataKey;
import io.vigil.crypto.recording.RecordingContext;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.crypto.recording.RecordingWriter;
import io.vigil.session.audio.Pcm16;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One track of a live call (caller or agent), encrypted as it streams: PCM16 mono at the call's rate goes through a
 * {@link RecordingWriter} under a fresh data key wrapped by the tenant's audio key into a live blob, each full
 * segment forced to disk. Audio is placed at its position in the call: a gap (the agent listening, consent not yet
 * given) becomes silence, so the tracks line up. The blob is opened with the first frame.
 *
 * <p>Used by one recording thread only.
 */
final class LiveTrack {

    /** 64 KiB: about 1.4 s of 24 kHz audio (4 s at 8 kHz), the most a crash can lose; one forced write each. */
    static final int SEGMENT_BYTES = 64 * 1024;
    /** Zeros written for a gap, up to this much at a time (100 ms at 24 kHz). */
    private static final byte[] SILENCE = new byte[4_800];

    private final BlobStore store;
    private final BlobId blob;
    private final DataKeyWrapper keys;
    private final KeyName kek;
    private final RecordingContext context;
    private final Consumer<WrappedDataKey> issued;
    private final int bytesPerMs;
    private RecordingWriter writer;
    private long bytes;

    /** @param issued told of the track's data key when the blob is opened (for the data key inventory) */
    LiveTrack(BlobStore store, BlobId blob, int sampleRate, DataKeyWrapper keys, KeyName kek,
              RecordingContext context, Consumer<WrappedDataKey> issued) {
        this.bytesPerMs = bytesPerMs(sampleRate);
        this.issued = issued;
        this.store = store;
        this.blob = blob;
        this.keys = keys;
        this.kek = kek;
        this.context = context;
    }

    /** Appends {@code pcm} at {@code atMs} of the call, with silence before it if the track is behind. */
    void write(long atMs, byte[] pcm) throws IOException {
        open();
        long gap = atMs * bytesPerMs - bytes;
        while (gap > 0) {
            int n = (int) Math.min(gap, SILENCE.length);
            writer.write(SILENCE, 0, n);
            bytes += n;
            gap -= n;
        }
        writer.write(pcm);
        bytes += pcm.length;
    }

    /** PCM16 mono bytes per millisecond at {@code sampleRate}. */
    static int bytesPerMs(int sampleRate) {
        if (sampleRate % 1_000 != 0) {
            throw new IllegalArgumentException("a live track's rate is a whole number of kHz, not " + sampleRate);
        }
        return Pcm16.bytesFor(1, sampleRate);
    }

    /** Writes the final segment. A track that never received audio has no blob. */
    void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }

    /**
     * The whole track as it will be read again from its live blob (decrypted a segment at a time when opened),
     * padded with silence to {@code lengthBytes}; with the inventory's {@code current} wrap of its data key when
     * there is one (see {@link LiveRecorder.LiveKeys#current}).
     */
    PcmSource readBack(long lengthBytes, Optional<WrappedDataKey> current) {
        return new PcmSource() {
            @Override
            public long bytes() {
                return lengthBytes;
            }

            @Override
            public InputStream open() throws IOException {
                InputStream recorded = InputStream.nullInputStream();
                long recordedBytes = 0;
                if (writer != null) {
                    RecordingReader reader = RecordingReader.open(store.open(blob), keys, context,
                            current.orElse(null));
                    recordedBytes = reader.size();
                    recorded = new FilterInputStream(reader.openAt(0)) {
                        @Override
                        public void close() throws IOException {
                            try (reader) {
                                super.close();
                            }
                        }
                    };
                }
                return new SequenceInputStream(recorded, new Silence(lengthBytes - recordedBytes));
            }
        };
    }

    /** {@code left} bytes of silence (zero samples). */
    private static final class Silence extends InputStream {
        private long left;

        Silence(long bytes) {
            this.left = Math.max(0, bytes);
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] out, int offset, int length) {
            if (left == 0) {
                return length == 0 ? 0 : -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(out, offset, offset + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    void delete() throws IOException {
        store.delete(blob);
    }

    long bytes() {
        return bytes;
    }

    private void open() throws IOException {
        if (writer != null) {
            return;
        }
        LiveBlob out = store.create(blob);
        try {
            writer = RecordingWriter.create(out, keys, kek, context, SEGMENT_BYTES);
        } catch (KeyProviderException e) {
            out.close();
            throw new IOException("no data key for the recording: " + e.getMessage(), e);
        }
        issued.accept(writer.wrappedKey());
    }
}
