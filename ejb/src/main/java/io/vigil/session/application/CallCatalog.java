package io.vigil.session.application;

import io.vigil.platform.NativeRows;
import io.vigil.session.domain.AgentProfile;
import io.vigil.session.domain.CallDetail;
import io.vigil.session.domain.CallListReader;
import io.vigil.session.domain.CallPage;
import io.vigil.session.domain.CallQuery;
import io.vigil.session.domain.CallSession;
import io.vigil.session.domain.CallSummary;
import io.vigil.session.domain.Flag;
import io.vigil.session.domain.SessionEvent;
import io.vigil.session.domain.TranscriptSegment;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads calls for the console and the API. Every method takes the tenant first; nothing crosses tenants. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CallCatalog {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    public CallPage list(TenantId tenant, CallQuery query) {
        return new CallPage(page(tenant, query), count(tenant, query));
    }

    /** How many calls match the query's filters, whatever its page. */
    public long count(TenantId tenant, CallQuery query) {
        return reader().count(tenant.value(), query);
    }

    /** The query's page of calls, in its order. */
    public List<CallSummary> page(TenantId tenant, CallQuery query) {
        return reader().page(tenant.value(), query);
    }

    public Optional<CallDetail> find(TenantId tenant, UUID callId) {
        List<CallSession> sessions = em.createQuery(
                        "SELECT c FROM CallSession c JOIN FETCH c.agentProfile WHERE c.id = :id AND c.tenantId = :tenant",
                        CallSession.class)
                .setParameter("id", callId)
                .setParameter("tenant", tenant.value())
                .getResultList();
        if (sessions.isEmpty()) {
            return Optional.empty();
        }
        CallSession session = sessions.get(0);
        List<TranscriptSegment> transcript = em.createQuery(
                        "SELECT s FROM TranscriptSegment s WHERE s.sessionId = :id AND s.tenantId = :tenant ORDER BY s.seq",
                        TranscriptSegment.class)
                .setParameter("id", callId).setParameter("tenant", tenant.value()).getResultList();
        List<SessionEvent> events = em.createQuery(
                        "SELECT e FROM SessionEvent e WHERE e.sessionId = :id AND e.tenantId = :tenant ORDER BY e.atMs, e.id",
                        SessionEvent.class)
                .setParameter("id", callId).setParameter("tenant", tenant.value()).getResultList();
        List<Flag> flags = em.createQuery(
                        "SELECT f FROM Flag f WHERE f.sessionId = :id AND f.tenantId = :tenant ORDER BY f.atMs",
                        Flag.class)
                .setParameter("id", callId).setParameter("tenant", tenant.value()).getResultList();
        return Optional.of(new CallDetail(session, session.agentProfile(), transcript, events, flags));
    }

    public List<AgentProfile> agentProfiles(TenantId tenant) {
        return em.createQuery("SELECT a FROM AgentProfile a WHERE a.tenantId = :tenant ORDER BY a.name, a.version",
                        AgentProfile.class)
                .setParameter("tenant", tenant.value())
                .getResultList();
    }

    private CallListReader reader() {
        return new CallListReader(this::nativeRows);
    }

    private List<Object[]> nativeRows(String sql, List<Object> parameters) {
        return NativeRows.query(em, sql, parameters);
    }
}
