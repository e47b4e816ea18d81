package io.vigil.review.application;

import io.vigil.review.domain.FailureAnnotation;
import io.vigil.review.domain.CallSpan;
import io.vigil.review.domain.FailureType;
import io.vigil.review.domain.ReviewException;
import io.vigil.review.domain.ReviewNotFoundException;
import io.vigil.review.domain.Reviewer;
import io.vigil.session.domain.CallSession;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Supervisors' failure annotations on a call's timeline. Tenant first, then the acting {@link Reviewer}; the
 * rules (supervisors annotate, only the author edits, ranges lie within the call) are in {@link FailureAnnotation},
 * and a refusal is a {@link ReviewException} with a message for the reviewer.
 */
@Stateless
public class FailureAnnotations {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    /** A call's annotations in timeline order; visible to the whole team. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<FailureAnnotation> ofCall(TenantId tenant, UUID callId) {
        return em.createQuery("SELECT a FROM FailureAnnotation a WHERE a.sessionId = :call AND a.tenantId = :tenant"
                        + " ORDER BY a.startMs, a.endMs, a.createdAt", FailureAnnotation.class)
                .setParameter("call", callId).setParameter("tenant", tenant.value()).getResultList();
    }

    public FailureAnnotation annotate(TenantId tenant, Reviewer supervisor, UUID callId, FailureType type, int startMs,
                               int endMs, String note) {
        FailureAnnotation annotation = FailureAnnotation.mark(UUID.randomUUID(), call(tenant, callId), supervisor, type,
                new CallSpan(startMs, endMs), note, Instant.now());
        em.persist(annotation);
        return annotation;
    }

    public FailureAnnotation revise(TenantId tenant, Reviewer author, UUID annotationId, FailureType type, int startMs,
                             int endMs, String note) {
        FailureAnnotation annotation = find(tenant, annotationId);
        annotation.revise(author, call(tenant, annotation.sessionId()), type, new CallSpan(startMs, endMs), note,
                Instant.now());
        return annotation;
    }

    public void remove(TenantId tenant, Reviewer author, UUID annotationId) {
        FailureAnnotation annotation = find(tenant, annotationId);
        annotation.requireAuthor(author, "remove");
        em.remove(annotation);
    }

    private FailureAnnotation find(TenantId tenant, UUID annotationId) {
        return em.createQuery("SELECT a FROM FailureAnnotation a WHERE a.id = :id AND a.tenantId = :tenant",
                        FailureAnnotation.class)
                .setParameter("id", annotationId).setParameter("tenant", tenant.value()).getResultStream().findFirst()
                .orElseThrow(() -> new ReviewNotFoundException("No annotation " + annotationId + " here; it may have"
                        + " been removed by its author. Reload the call."));
    }

    private CallSession call(TenantId tenant, UUID callId) {
        return em.createQuery("SELECT c FROM CallSession c WHERE c.id = :id AND c.tenantId = :tenant",
                        CallSession.class)
                .setParameter("id", callId).setParameter("tenant", tenant.value()).getResultStream().findFirst()
                .orElseThrow(() -> new ReviewNotFoundException("No call " + callId + " here to annotate. Open the"
                        + " call from the calls list and try again."));
    }
}
