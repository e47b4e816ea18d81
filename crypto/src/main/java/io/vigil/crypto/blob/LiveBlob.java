package io.vigil.crypto.blob;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A blob being appended to during a live call. {@link #flush()} forces the written bytes to the storage
 * device (fdatasync), so a segment a recording writer has flushed survives a crash of the process or the host.
 */
public final class LiveBlob extends OutputStream {

    private final BlobId id;
    private final FileChannel channel;
    private long size;

    LiveBlob(BlobId id, FileChannel channel) {
        this.id = id;
        this.channel = channel;
    }

    public BlobId id() {
        return id;
    }

    /** Bytes appended so far. */
    public long size() {
        return size;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            size += channel.write(buffer);
        }
    }

    @Override
    public void flush() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            try {
                channel.force(false);
            } finally {
                channel.close();
            }
        }
    }
}
