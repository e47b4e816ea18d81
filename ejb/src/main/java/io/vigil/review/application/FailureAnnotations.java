package io.vigil.review.application;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvents;
import io.vigil.review.domain.CallSpan;
import io.vigil.review.domain.FailureAnnotation;
import io.vigil.review.domain.FailureCategory;
import io.vigil.review.domain.ReviewInputException;
import io.vigil.review.domain.ReviewException;
import io.vigil.review.domain.ReviewNotFoundException;
import io.vigil.review.domain.Reviewer;
import io.vigil.session.domain.CallSession;
import io.vigil.session.domain.Severity;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Supervisors' failure annotations on a call's timeline. Tenant first, then the acting {@link Reviewer}; the
 * rules (supervisors annotate, only the author edits, ranges lie within the call) are in {@link FailureAnnotation},
 * and a refusal is a {@link ReviewException} with a message for the reviewer. Categories come from the tenant's
 * {@link FailureTaxonomy}. Every change is audited.
 */
@Stateless
public class FailureAnnotations {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private FailureTaxonomy taxonomy;

    @EJB
    private AuditTrail audit;

    /** A call's annotations in timeline order; visible to the whole team. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<FailureAnnotation> ofCall(TenantId tenant, UUID callId) {
        return em.createQuery("SELECT a FROM FailureAnnotation a WHERE a.sessionId = :call AND a.tenantId = :tenant"
                        + " ORDER BY a.startMs, a.endMs, a.createdAt", FailureAnnotation.class)
                .setParameter("call", callId).setParameter("tenant", tenant.value()).getResultList();
    }

    public FailureAnnotation annotate(TenantId tenant, Reviewer supervisor, UUID callId, String category,
                                      Severity severity, int startMs, int endMs, String note) {
        FailureAnnotation annotation = FailureAnnotation.mark(UUID.randomUUID(), call(tenant, callId), supervisor,
                category(tenant, category), severity, new CallSpan(startMs, endMs), note, Instant.now());
        em.persist(annotation);
        em.flush();
        audit.record(AuditEvents.annotation(tenant, actor(supervisor), "annotate", annotation.id(), details(annotation)));
        return annotation;
    }

    public FailureAnnotation revise(TenantId tenant, Reviewer author, UUID annotationId, String category,
                                    Severity severity, int startMs, int endMs, String note) {
        FailureAnnotation annotation = find(tenant, annotationId);
        annotation.revise(author, call(tenant, annotation.sessionId()), category(tenant, category), severity,
                new CallSpan(startMs, endMs), note, Instant.now());
        em.flush();
        audit.record(AuditEvents.annotation(tenant, actor(author), "revise", annotation.id(), details(annotation)));
        return annotation;
    }

    public void remove(TenantId tenant, Reviewer author, UUID annotationId) {
        FailureAnnotation annotation = find(tenant, annotationId);
        annotation.requireAuthor(author, "remove");
        em.remove(annotation);
        em.flush();
        audit.record(AuditEvents.annotation(tenant, actor(author), "remove", annotation.id(), details(annotation)));
    }

    private FailureCategory category(TenantId tenant, String code) {
        if (code == null || code.isBlank()) {
            throw new ReviewInputException("Choose what went wrong: a failure category.");
        }
        return taxonomy.find(tenant, code).orElseThrow(() -> new ReviewInputException("There is no failure category "
                + code + "; choose one from the list (an administrator keeps it)."));
    }

    private static AuditActor actor(Reviewer reviewer) {
        return AuditActor.user(reviewer.userId(), reviewer.name());
    }

    private static Map<String, String> details(FailureAnnotation a) {
        return Map.of("call", a.sessionId().toString(), "category", a.category(), "severity", a.severity().name(),
                "start_ms", Integer.toString(a.startMs()), "end_ms", Integer.toString(a.endMs()));
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
