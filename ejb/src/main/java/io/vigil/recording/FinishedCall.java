package io.vigil.recording;

import io.vigil.tenancy.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * The audio of a call that ended, as PCM16 mono little-endian at the call's rate ({@code sampleRate}: 8 kHz for a
 * phone call, 24 kHz otherwise), both tracks the same length and aligned to
 * the call's clock: what the live recorder hands over to be stored as the call's recordings. The tracks are read
 * from where they were recorded each time they are opened, never held in memory.
 */
public record FinishedCall(TenantId tenant, UUID sessionId, int sampleRate, PcmSource caller, PcmSource agent) {

    public FinishedCall {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate " + sampleRate);
        }
        if (caller.bytes() != agent.bytes()) {
            throw new IllegalArgumentException("the tracks of a call have the same length: " + caller.bytes() + " and "
                    + agent.bytes() + " bytes");
        }
    }

    /** Both tracks summed (clipped to 16 bits): the call as a listener on the line heard it. */
    public PcmSource mixed() {
        return new PcmSource() {
            @Override
            public long bytes() {
                return caller.bytes() & ~1L;
            }

            @Override
            public InputStream open() throws IOException {
                return new MixedStream(caller.open(), agent.open(), bytes());
            }
        };
    }

    /** Sums two aligned streams a chunk at a time. */
    private static final class MixedStream extends InputStream {
        private final InputStream a;
        private final InputStream b;
        private final byte[] other = new byte[StreamedWav.CHUNK_BYTES];
        private final byte[] pair = new byte[2];
        private int pairAt = 2;
        private long left;

        MixedStream(InputStream a, InputStream b, long length) {
            this.a = a;
            this.b = b;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (pairAt == 2) {
                if (mix(pair, 0, 2) < 0) {
                    return -1;
                }
                pairAt = 0;
            }
            return pair[pairAt++] & 0xFF;
        }

        @Override
        public int read(byte[] out, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (pairAt < 2) { // half a sample left by read()
                out[offset] = pair[pairAt++];
                return 1;
            }
            if (length < 2) {
                int b = read();
                if (b < 0) {
                    return -1;
                }
                out[offset] = (byte) b;
                return 1;
            }
            return mix(out, offset, length);
        }

        private int mix(byte[] out, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(length, other.length), left) & ~1;
            int got = a.readNBytes(out, offset, n);
            int gotOther = b.readNBytes(other, 0, n);
            if (got != n || gotOther != n) {
                throw new IOException("a track of the call ended early (" + left + " bytes missing)");
            }
            for (int i = 0; i < n; i += 2) {
                int sum = (short) ((out[offset + i] & 0xFF) | (out[offset + i + 1] << 8))
                        + (short) ((other[i] & 0xFF) | (other[i + 1] << 8));
                short s = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
                out[offset + i] = (byte) s;
                out[offset + i + 1] = (byte) (s >> 8);
            }
            left -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            try (a) {
                b.close();
            }
        }
    }
}
