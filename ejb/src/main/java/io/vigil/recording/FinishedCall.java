package io.vigil.recording;

import io.vigil.tenancy.TenantId;
import java.util.UUID;

/**
 * The audio of a call that ended, as PCM16 24 kHz mono little-endian, both tracks the same length and aligned to
 * the call's clock: what the live recorder hands over to be stored as the call's recordings.
 */
public record FinishedCall(TenantId tenant, UUID sessionId, byte[] caller, byte[] agent) {

    public static final int SAMPLE_RATE = 24_000;

    /** Both tracks summed (clipped to 16 bits): the call as a listener on the line heard it. */
    public byte[] mixed() {
        int n = Math.max(caller.length, agent.length) & ~1;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i += 2) {
            int sum = sample(caller, i) + sample(agent, i);
            short s = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
            out[i] = (byte) s;
            out[i + 1] = (byte) (s >> 8);
        }
        return out;
    }

    private static int sample(byte[] pcm, int i) {
        return i + 1 < pcm.length ? (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8)) : 0;
    }
}
