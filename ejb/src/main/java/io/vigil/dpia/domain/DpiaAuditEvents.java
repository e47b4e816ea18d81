package io.vigil.dpia.domain;

import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.tenancy.TenantId;
import java.util.Map;

/**
 * The audit events of DPIAs and records of processing: {@code dpia.<verb>} (create, edit, submit, approve,
 * refuse, new-version, export, drift) and {@code ropa.<verb>} (create, edit, export). Refusals are DENIED events
 * with the reason.
 */
public final class DpiaAuditEvents {

    public static final String DPIA = "dpia";
    public static final String RECORDS = "processing_record";

    private DpiaAuditEvents() {
    }

    public static AuditActor actor(DpiaActor actor) {
        return AuditActor.user(actor.userId(), actor.name());
    }

    public static AuditEvent dpia(TenantId tenant, DpiaActor actor, String verb, Object dpiaId, Map<String, String> details) {
        return new AuditEvent(tenant.value(), actor(actor), "dpia." + verb, DPIA, dpiaId == null ? null : dpiaId.toString(),
                null, AuditOutcome.SUCCESS, details);
    }

    public static AuditEvent records(TenantId tenant, DpiaActor actor, String verb, Object recordId, Map<String, String> details) {
        return new AuditEvent(tenant.value(), actor(actor), "ropa." + verb, RECORDS,
                recordId == null ? null : recordId.toString(), null, AuditOutcome.SUCCESS, details);
    }

    public static AuditEvent refused(TenantId tenant, DpiaActor actor, String action, String objectType, Object id,
                                     String reason) {
        return new AuditEvent(tenant.value(), actor(actor), action, objectType, id == null ? null : id.toString(), null,
                AuditOutcome.DENIED, Map.of("reason", reason == null ? "" : reason));
    }

    /** Vigil noticed that the configuration an approved DPIA relied on changed. */
    public static AuditEvent drift(TenantId tenant, Object dpiaId, int changes) {
        return new AuditEvent(tenant.value(), AuditActor.system("dpia-drift"), "dpia.drift", DPIA, dpiaId.toString(),
                null, AuditOutcome.SUCCESS, Map.of("changed_facts", Integer.toString(changes)));
    }
}
