package io.vigil.crypto.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/** Positional full reads on a {@link SeekableByteChannel}, which may return short reads. */
final class ChannelIo {

    private ChannelIo() {
    }

    /** Reads {@code target.remaining()} bytes at {@code position}; returns false if the channel ends first. */
    static boolean readFully(SeekableByteChannel channel, long position, ByteBuffer target) throws IOException {
        channel.position(position);
        while (target.hasRemaining()) {
            if (channel.read(target) < 0) {
                return false;
            }
        }
        return true;
    }
}
