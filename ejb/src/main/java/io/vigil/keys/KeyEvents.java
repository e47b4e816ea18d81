package io.vigil.keys;

import io.vigil.audit.domain.AuditActor;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.tenancy.TenantId;
import java.util.UUID;

/**
 * The security-relevant key and recording events, as the key services report them. {@link AuditedKeyEvents} appends
 * them to the audit trail; the seam keeps the key services free of the audit log's vocabulary.
 */
public interface KeyEvents {

    void keyCreated(TenantId tenant, KeyReference version);

    void rotated(TenantId tenant, AuditActor actor, KeyReference newVersion, UUID rewrapJob);

    void rewrapFinished(TenantId tenant, UUID job, boolean completed, int rewrapped, String error);

    void retired(TenantId tenant, String keyId, int minimumVersion);

    void versionDestroyed(TenantId tenant, AuditActor actor, KeyReference version, int dataKeysShredded);

    void dataKeyShredded(TenantId tenant, AuditActor actor, String ownerType, UUID owner);

    /** A recording was played (or refused: {@code allowed} false), with the byte range asked for, if any. */
    void recordingPlayed(TenantId tenant, AuditActor actor, String recordingId, boolean allowed, String range);
}
