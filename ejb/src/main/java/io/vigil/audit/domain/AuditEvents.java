package io.vigil.audit.domain;

import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.review.domain.FlagTransition;
import io.vigil.tenancy.TenantId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The events Vigil records, in one place so that the actions and their fields stay consistent across the console,
 * the API and the services. Actions are {@code <area>.<verb>}; the console filters by them.
 */
public final class AuditEvents {

    public static final String SIGN_IN = "console.sign-in";
    public static final String SIGN_OUT = "console.sign-out";
    public static final String CALL_VIEW = "call.view";
    public static final String API_ACCESS = "api.access";
    public static final String REVIEW_PREFIX = "review.";
    public static final String AUDIT_EXPORT = "audit.export";
    public static final String LIVE_SESSION_OPEN = "live.session-open";
    public static final String CALL = "call_session";
    public static final String FLAG = "flag";
    public static final String ANNOTATION = "annotation";
    public static final String ANNOTATION_EXPORT = "review.annotations-export";
    public static final String TAXONOMY_CHANGE = "review.taxonomy-change";
    public static final String AGENT_UPSTREAM_CHANGE = "agent.upstream-change";
    public static final String AGENT_PROFILE = "agent_profile";

    private AuditEvents() {
    }

    /** The first request of a console session: the person signed in at the identity provider. */
    public static AuditEvent signIn(TenantId tenant, String userId, String name) {
        return new AuditEvent(tenant.value(), AuditActor.user(userId, name), SIGN_IN, null, null, null,
                AuditOutcome.SUCCESS, Map.of());
    }

    /** A person signed out of the console (and of the identity provider). */
    public static AuditEvent signOut(TenantId tenant, String userId, String name) {
        return new AuditEvent(tenant == null ? null : tenant.value(), AuditActor.user(userId, name), SIGN_OUT, null,
                null, null, AuditOutcome.SUCCESS, Map.of());
    }

    /**
     * A call was opened ({@code via} console or api). An id that is unknown, malformed or another tenant's is
     * recorded as denied, with the id as asked for.
     */
    public static AuditEvent callViewed(TenantId tenant, AuditActor actor, String callId, boolean shown, String via) {
        return new AuditEvent(tenant.value(), actor, CALL_VIEW, CALL, callId, null,
                shown ? AuditOutcome.SUCCESS : AuditOutcome.DENIED, Map.of("via", via));
    }

    /**
     * An administrator changed an agent profile's upstream: {@code <field>.old} / {@code <field>.new} for each changed
     * field (the API key is never among them, only the name of its setting), or a refused change with its reason.
     */
    public static AuditEvent agentUpstreamChanged(UUID tenant, AuditActor actor, String profileId, boolean done,
                                                  Map<String, String> details) {
        return new AuditEvent(tenant, actor, AGENT_UPSTREAM_CHANGE, AGENT_PROFILE, profileId, null,
                done ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, details);
    }

    /** A live session was admitted through a door ({@code /v1/realtime}, the console's test call). */
    public static AuditEvent liveSessionOpened(UUID tenant, AuditActor actor, UUID sessionId, String door,
                                               UUID agentProfileId) {
        return new AuditEvent(tenant, actor, LIVE_SESSION_OPEN, CALL, sessionId.toString(), null,
                AuditOutcome.SUCCESS, Map.of("door", door, "agentProfile", agentProfileId.toString()));
    }

    /** A door refused a live session (no or bad token, no such agent profile, an expired test-call ticket). */
    public static AuditEvent liveSessionRefused(UUID tenant, AuditActor actor, String door, String reason) {
        return new AuditEvent(tenant, actor, LIVE_SESSION_OPEN, null, null, null, AuditOutcome.DENIED,
                Map.of("door", door, "reason", reason));
    }

    /**
     * The API refused a request: 401 (no or invalid token: the actor is {@link AuditActor#ANONYMOUS} and the tenant
     * unknown) or 403 (a valid token without the role).
     */
    public static AuditEvent apiRefused(UUID tenant, AuditActor actor, int status, String method, String path,
                                        String reason) {
        TreeMap<String, String> details = new TreeMap<>();
        details.put("status", Integer.toString(status));
        if (reason != null) {
            details.put("reason", reason);
        }
        return new AuditEvent(tenant, actor, API_ACCESS, "api", method + " /api/v1/" + path, null,
                AuditOutcome.DENIED, details);
    }

    /** One step of a flag's review (claim, assign, resolve, approve, escalate, ...), as its history stores it. */
    public static AuditEvent flagTransition(FlagTransition transition) {
        TreeMap<String, String> details = new TreeMap<>();
        if (transition.from() != null) {
            details.put("from", transition.from().name());
        }
        details.put("to", transition.to().name());
        if (transition.detail() != null) {
            details.put("detail", transition.detail());
        }
        return new AuditEvent(transition.tenantId(), AuditActor.user(transition.actorId(), transition.actorName()),
                REVIEW_PREFIX + transition.action().name().toLowerCase(Locale.ROOT), FLAG,
                transition.flagId().toString(), null, AuditOutcome.SUCCESS, details);
    }

    /** An export of the audit log: a tenant's entries with proofs, or (tenant null) the whole log. */
    public static AuditEvent exported(TenantId tenant, AuditActor actor, long treeSize) {
        return new AuditEvent(tenant == null ? null : tenant.value(), actor, AUDIT_EXPORT, "audit_log", null, null,
                AuditOutcome.SUCCESS, Map.of("tree_size", Long.toString(treeSize)));
    }

    /** A supervisor added, changed or removed a failure annotation ({@code verb}: annotate, revise, remove). */
    public static AuditEvent annotation(TenantId tenant, AuditActor actor, String verb, UUID annotationId,
                                        Map<String, String> details) {
        return new AuditEvent(tenant.value(), actor, REVIEW_PREFIX + verb, ANNOTATION, annotationId.toString(), null,
                AuditOutcome.SUCCESS, details);
    }

    /** Annotations left the system as a file; the filter and the row count say which. Refusals are DENIED. */
    public static AuditEvent annotationsExported(TenantId tenant, AuditActor actor, boolean done,
                                                 Map<String, String> details) {
        return new AuditEvent(tenant.value(), actor, ANNOTATION_EXPORT, ANNOTATION, null, null,
                done ? AuditOutcome.SUCCESS : AuditOutcome.DENIED, details);
    }

    /** An administrator changed the failure taxonomy ({@code change}: add, relabel, retire, restore, move). */
    public static AuditEvent taxonomyChanged(TenantId tenant, AuditActor actor, String code, String change,
                                             String label) {
        return new AuditEvent(tenant.value(), actor, TAXONOMY_CHANGE, "failure_category", code, null,
                AuditOutcome.SUCCESS, Map.of("change", change, "label", label));
    }
}
