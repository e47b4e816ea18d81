package io.vigil.retention;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.platform.VigilConfig;
import io.vigil.retention.application.HoldStore;
import io.vigil.retention.domain.HoldRejected;
import io.vigil.retention.domain.HoldScope;
import io.vigil.retention.domain.LegalHold;
import io.vigil.session.persistence.CallerHash;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Legal holds: which calls are held (the questions every capability that deletes or expires something asks), and
 * the legal users' actions on holds: create, re-evaluate, and release with four eyes. Every action is audited
 * ({@code legal-hold.*}); a refused one too. A held call keeps every artifact derived from it: the sweep skips it
 * for every data class ({@link DueRule#notHeld}), and contributors of other artifacts ask {@link #heldAmong}.
 *
 * <p>A hold covers the calls its scope matches when it is created, new calls as they start and end (a database
 * trigger), and is re-evaluated before every retention sweep (for annotations added since).
 */
@Stateless
public class LegalHolds {

    public static final String CREATE = "legal-hold.create";
    public static final String RELEASE_REQUEST = "legal-hold.release-request";
    public static final String RELEASE_APPROVE = "legal-hold.release-approve";
    public static final String RELEASE_WITHDRAW = "legal-hold.release-withdraw";
    public static final String OBJECT_TYPE = "legal_hold";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    /** Whether any live hold (active or with a release waiting) keeps the call. */
    public boolean isHeld(TenantId tenant, UUID sessionId) {
        return !em.createNativeQuery("SELECT 1 FROM legal_hold_session WHERE tenant_id = ?1 AND session_id = ?2"
                        + " AND released_at IS NULL")
                .setParameter(1, tenant.value()).setParameter(2, sessionId).setMaxResults(1).getResultList().isEmpty();
    }

    /** Which of {@code sessionIds} are held (for artifacts of several calls, such as exports). */
    public Set<UUID> heldAmong(TenantId tenant, Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(store().withConnection(c -> HoldStore.heldAmong(c, tenant.value(), sessionIds)));
    }

    /** The calls a hold keeps now (its released rows excluded), by call id; empty for another tenant's hold. */
    public List<UUID> sessionsUnder(TenantId tenant, UUID holdId) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT session_id FROM legal_hold_session WHERE tenant_id = ?1"
                        + " AND hold_id = ?2 AND released_at IS NULL ORDER BY session_id")
                .setParameter(1, tenant.value()).setParameter(2, holdId).getResultList();
        return ids.stream().map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString())).toList();
    }

    /** One call a hold keeps, as the Legal holds page lists it. */
    public record HeldCall(UUID sessionId, java.time.Instant startedAt, String agentProfile, String channel) {
    }

    /** A page of the calls a hold keeps now, newest first; empty for another tenant's hold. */
    public List<HeldCall> heldCalls(TenantId tenant, UUID holdId, int first, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.id, c.started_at, a.name, c.channel FROM legal_hold_session lh"
                        + " JOIN call_session c ON c.id = lh.session_id JOIN agent_profile a ON a.id = c.agent_profile_id"
                        + " WHERE lh.tenant_id = ?1 AND lh.hold_id = ?2 AND lh.released_at IS NULL"
                        + " ORDER BY c.started_at DESC, c.id OFFSET ?3 LIMIT ?4")
                .setParameter(1, tenant.value()).setParameter(2, holdId).setParameter(3, Math.max(first, 0))
                .setParameter(4, Math.min(Math.max(size, 1), 200)).getResultList();
        return rows.stream().map(r -> new HeldCall(io.vigil.keys.Rows.uuid(r[0]), io.vigil.keys.Rows.instant(r[1]),
                (String) r[2], (String) r[3])).toList();
    }

    /** The holds that keep (or kept: released ones too) the call, newest first. */
    public List<LegalHold> holdsOn(TenantId tenant, UUID sessionId) {
        return store().withConnection(c -> HoldStore.holdsOn(c, tenant.value(), sessionId));
    }

    public Optional<LegalHold> find(TenantId tenant, UUID holdId) {
        return store().withConnection(c -> HoldStore.find(c, tenant.value(), holdId));
    }

    public long count(TenantId tenant) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM legal_hold WHERE tenant_id = ?1")
                .setParameter(1, tenant.value()).getSingleResult()).longValue();
    }

    /** A page of the tenant's holds, newest first. */
    public List<LegalHold> page(TenantId tenant, int first, int size) {
        return store().withConnection(c -> HoldStore.page(c, tenant.value(), first, Math.min(Math.max(size, 1), 200)));
    }

    /** The keyed hash a caller reference is stored under in this tenant, for a hold's scope. */
    public String callerHash(TenantId tenant, String callerReference) {
        return CallerHash.create(VigilConfig.current().require("vigil.caller-hash-key")).of(tenant.value(),
                callerReference.strip());
    }

    /** Creates a hold and puts the calls its scope matches now under it; returns the hold's id. */
    public UUID create(TenantId tenant, AuditActor actor, String matterName, String reference, String description,
                       HoldScope scope) {
        try {
            LegalHold.checkMatter(matterName, reference);
            if (store().withConnection(c -> HoldStore.referenceTaken(c, tenant.value(), reference.strip()))) {
                throw new HoldRejected("A hold with the reference " + reference.strip() + " exists already: open it,"
                        + " or give this matter another reference");
            }
        } catch (HoldRejected e) {
            audit.recordFailure(event(tenant, actor, CREATE, null, AuditOutcome.DENIED,
                    Map.of("reference", String.valueOf(reference), "refused", e.getMessage())));
            throw e;
        }
        UUID id = UUID.randomUUID();
        store().withConnection(c -> {
            HoldStore.insert(c, id, tenant.value(), matterName.strip(), reference.strip(), description, scope, actor);
            return null;
        });
        long held = evaluate(tenant, id);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("matter", matterName.strip());
        details.put("reference", reference.strip());
        details.put("scope", scope.describe());
        details.put("calls", Long.toString(held));
        audit.record(event(tenant, actor, CREATE, id, AuditOutcome.SUCCESS, details));
        return id;
    }

    /** Puts the calls the live hold's scope matches now under it; returns how many were added. */
    public long evaluate(TenantId tenant, UUID holdId) {
        return em.createNativeQuery("INSERT INTO legal_hold_session (hold_id, tenant_id, session_id)"
                        + " SELECT h.id, c.tenant_id, c.id FROM legal_hold h JOIN call_session c ON c.tenant_id = h.tenant_id"
                        + " WHERE h.id = ?1 AND h.tenant_id = ?2 AND h.state <> 'RELEASED' AND legal_hold_covers(h, c)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, holdId).setParameter(2, tenant.value()).executeUpdate();
    }

    /** Re-evaluates every live hold of the tenant (before a sweep, and periodically); returns the calls added. */
    public long evaluateAll(TenantId tenant) {
        long added = 0;
        @SuppressWarnings("unchecked")
        List<Object> live = em.createNativeQuery("SELECT id FROM legal_hold WHERE tenant_id = ?1 AND state <> 'RELEASED'")
                .setParameter(1, tenant.value()).getResultList();
        for (Object id : live) {
            added += evaluate(tenant, id instanceof UUID u ? u : UUID.fromString(id.toString()));
        }
        return added;
    }

    /** A legal user asks for the hold's release; another must approve it. */
    public void requestRelease(TenantId tenant, UUID holdId, AuditActor actor, String reason) {
        LegalHold hold = existing(tenant, holdId, actor, RELEASE_REQUEST);
        try {
            hold.checkReleaseRequest(actor.id(), reason);
        } catch (HoldRejected e) {
            refused(tenant, actor, RELEASE_REQUEST, holdId, e);
        }
        transition(tenant, holdId, "UPDATE legal_hold SET state = 'RELEASE_REQUESTED', release_requested_by = ?1,"
                + " release_requested_name = ?2, release_requested_at = now(), release_reason = ?3, version = version + 1"
                + " WHERE id = ?4 AND tenant_id = ?5 AND state = 'ACTIVE'", actor, reason.strip());
        audit.record(event(tenant, actor, RELEASE_REQUEST, holdId, AuditOutcome.SUCCESS,
                Map.of("reason", reason.strip(), "reference", hold.reference())));
    }

    /** A second legal user approves the requested release: the hold's calls fall back to their retention clock. */
    public void approveRelease(TenantId tenant, UUID holdId, AuditActor actor) {
        LegalHold hold = existing(tenant, holdId, actor, RELEASE_APPROVE);
        try {
            hold.checkReleaseApproval(actor.id());
        } catch (HoldRejected e) {
            refused(tenant, actor, RELEASE_APPROVE, holdId, e);
        }
        int changed = em.createNativeQuery("UPDATE legal_hold SET state = 'RELEASED', released_by = ?1,"
                        + " released_by_name = ?2, released_at = now(), version = version + 1 WHERE id = ?3"
                        + " AND tenant_id = ?4 AND state = 'RELEASE_REQUESTED' AND release_requested_by <> ?1")
                .setParameter(1, actor.id()).setParameter(2, actor.name() == null ? actor.id() : actor.name())
                .setParameter(3, holdId).setParameter(4, tenant.value()).executeUpdate();
        if (changed == 0) {
            throw new HoldRejected("The hold changed meanwhile: reload it and try again");
        }
        int released = em.createNativeQuery("UPDATE legal_hold_session SET released_at = now() WHERE hold_id = ?1"
                        + " AND tenant_id = ?2 AND released_at IS NULL")
                .setParameter(1, holdId).setParameter(2, tenant.value()).executeUpdate();
        audit.record(event(tenant, actor, RELEASE_APPROVE, holdId, AuditOutcome.SUCCESS,
                Map.of("requested_by", hold.releaseRequestedBy(), "reference", hold.reference(),
                        "calls_released", Integer.toString(released))));
    }

    /** Withdraws a requested release: the hold is active again. */
    public void withdrawRelease(TenantId tenant, UUID holdId, AuditActor actor) {
        LegalHold hold = existing(tenant, holdId, actor, RELEASE_WITHDRAW);
        try {
            hold.checkWithdrawal();
        } catch (HoldRejected e) {
            refused(tenant, actor, RELEASE_WITHDRAW, holdId, e);
        }
        em.createNativeQuery("UPDATE legal_hold SET state = 'ACTIVE', release_requested_by = NULL,"
                        + " release_requested_name = NULL, release_requested_at = NULL, release_reason = NULL,"
                        + " version = version + 1 WHERE id = ?1 AND tenant_id = ?2 AND state = 'RELEASE_REQUESTED'")
                .setParameter(1, holdId).setParameter(2, tenant.value()).executeUpdate();
        audit.record(event(tenant, actor, RELEASE_WITHDRAW, holdId, AuditOutcome.SUCCESS,
                Map.of("reference", hold.reference())));
    }

    private LegalHold existing(TenantId tenant, UUID holdId, AuditActor actor, String action) {
        return find(tenant, holdId).orElseThrow(() -> {
            audit.recordFailure(event(tenant, actor, action, holdId, AuditOutcome.DENIED, Map.of("refused", "no such hold")));
            return new HoldNotFound(holdId);
        });
    }

    private void refused(TenantId tenant, AuditActor actor, String action, UUID holdId, HoldRejected e) {
        audit.recordFailure(event(tenant, actor, action, holdId, AuditOutcome.DENIED, Map.of("refused", e.getMessage())));
        throw e;
    }

    private void transition(TenantId tenant, UUID holdId, String sql, AuditActor actor, String text) {
        int changed = em.createNativeQuery(sql).setParameter(1, actor.id())
                .setParameter(2, actor.name() == null ? actor.id() : actor.name()).setParameter(3, text)
                .setParameter(4, holdId).setParameter(5, tenant.value()).executeUpdate();
        if (changed == 0) {
            throw new HoldRejected("The hold changed meanwhile: reload it and try again");
        }
    }

    private static AuditEvent event(TenantId tenant, AuditActor actor, String action, UUID holdId, AuditOutcome outcome,
                                    Map<String, String> details) {
        return new AuditEvent(tenant.value(), actor, action, OBJECT_TYPE, holdId == null ? null : holdId.toString(),
                null, outcome, details);
    }

    private HoldStore store() {
        return new HoldStore(em.unwrap(Session.class));
    }

    /** No such hold in this tenant (another tenant's hold is not found either). */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class HoldNotFound extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public HoldNotFound(UUID id) {
            super("No legal hold " + id);
        }
    }
}
