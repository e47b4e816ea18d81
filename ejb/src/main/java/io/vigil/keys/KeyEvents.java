package io.vigil.keys;

import io.vigil.crypto.keys.KeyReference;
import io.vigil.tenancy.TenantId;
import java.util.UUID;

/**
 * The security-relevant key events. Interim seam until the audit trail (io.vigil.audit) is on main: then an
 * implementation appends each event to the tamper-evident log; {@link LoggingKeyEvents} logs them meanwhile.
 */
public interface KeyEvents {

    void keyCreated(TenantId tenant, KeyReference version);

    void rotated(TenantId tenant, KeyReference newVersion, UUID rewrapJob);

    void rewrapFinished(TenantId tenant, UUID job, String outcome, int done);

    void retired(TenantId tenant, String keyId, int minimumVersion);

    void versionDestroyed(TenantId tenant, KeyReference version, int dataKeysShredded);

    void recordingShredded(TenantId tenant, UUID recording);

    void recordingPlayed(TenantId tenant, UUID recording, String user, String range);
}
