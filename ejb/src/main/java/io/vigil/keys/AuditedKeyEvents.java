package io.vigil.keys;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@link KeyEvents} in the tamper-evident audit trail. Actions are {@code key.*} and {@code recording.*}; events of
 * the background job are the system's ({@code system:keys}). Each is recorded in the caller's transaction, so it
 * exists exactly when the key change committed; a refused playback is recorded on its own.
 */
@ApplicationScoped
public class AuditedKeyEvents implements KeyEvents {

    static final AuditActor SYSTEM = AuditActor.system("keys");
    static final String KEY = "key";
    static final String RECORDING = "recording";

    @EJB
    private AuditTrail trail;

    @Override
    public void keyCreated(TenantId tenant, KeyReference version) {
        trail.record(event(tenant, SYSTEM, "key.create", KEY, version.toString(), Map.of()));
    }

    @Override
    public void rotated(TenantId tenant, AuditActor actor, KeyReference newVersion, UUID rewrapJob) {
        trail.record(event(tenant, actor, "key.rotate", KEY, newVersion.toString(), Map.of("rewrap_job", rewrapJob.toString())));
    }

    @Override
    public void rewrapFinished(TenantId tenant, UUID job, boolean completed, int rewrapped, String error) {
        TreeMap<String, String> details = new TreeMap<>(Map.of("rewrapped", Integer.toString(rewrapped)));
        if (error != null) {
            details.put("error", error);
        }
        AuditEvent event = new AuditEvent(tenant.value(), SYSTEM, "key.rewrap", "rewrap_job", job.toString(), null,
                completed ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, details);
        if (completed) {
            trail.record(event);
        } else {
            trail.recordFailure(event);
        }
    }

    @Override
    public void retired(TenantId tenant, String keyId, int minimumVersion) {
        trail.record(event(tenant, SYSTEM, "key.retire", KEY, keyId, Map.of("minimum_version", Integer.toString(minimumVersion))));
    }

    @Override
    public void versionDestroyed(TenantId tenant, AuditActor actor, KeyReference version, int dataKeysShredded) {
        trail.record(event(tenant, actor, "key.destroy", KEY, version.toString(),
                Map.of("data_keys_shredded", Integer.toString(dataKeysShredded))));
    }

    @Override
    public void dataKeyShredded(TenantId tenant, AuditActor actor, String ownerType, UUID owner) {
        trail.record(event(tenant, actor, "key.shred", ownerType, owner.toString(), Map.of()));
    }

    @Override
    public void recordingPlayed(TenantId tenant, AuditActor actor, String recordingId, boolean allowed, String range) {
        AuditEvent event = new AuditEvent(tenant.value(), actor, "recording.play", RECORDING, recordingId, null,
                allowed ? AuditOutcome.SUCCESS : AuditOutcome.DENIED, range == null ? Map.of() : Map.of("range", range));
        if (allowed) {
            trail.record(event);
        } else {
            trail.recordFailure(event);
        }
    }

    private static AuditEvent event(TenantId tenant, AuditActor actor, String action, String type, String id,
                                    Map<String, String> details) {
        return new AuditEvent(tenant.value(), actor, action, type, id, null, AuditOutcome.SUCCESS, details);
    }
}
