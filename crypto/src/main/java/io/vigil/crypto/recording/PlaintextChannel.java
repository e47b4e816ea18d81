package io.vigil.crypto.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only, seekable view of a recording's plaintext over a {@link RecordingReader}. */
final class PlaintextChannel implements SeekableByteChannel {

    private final RecordingReader reader;
    private long position;
    private boolean open = true;

    PlaintextChannel(RecordingReader reader) {
        this.reader = reader;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        ensureOpen();
        int read = reader.read(position, target);
        if (read > 0) {
            position += read;
        }
        return read;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("Negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return reader.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
