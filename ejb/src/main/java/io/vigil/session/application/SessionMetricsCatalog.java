package io.vigil.session.application;

import io.vigil.session.domain.LiveMetrics;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored metrics of a tenant's live session; another tenant's call finds nothing. */
@Stateless
public class SessionMetricsCatalog {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    public Optional<LiveMetrics> forCall(TenantId tenant, UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT duration_ms, first_agent_audio_ms, turn_latency_ms,"
                        + " barge_in_reaction_ms, caller_talk_ms, agent_talk_ms, silence_ms, frames_in, frames_out,"
                        + " frames_dropped, bad_frames, pci_paused_ms FROM session_metrics"
                        + " WHERE tenant_id = ?1 AND session_id = ?2")
                .setParameter(1, tenant.value()).setParameter(2, sessionId).getResultList();
        return rows.stream().findFirst().map(r -> new LiveMetrics(n(r[0]), r[1] == null ? null : n(r[1]),
                longs(r[2]), longs(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]), n(r[8]), n(r[9]), n(r[10]), n(r[11])));
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    /** A PostgreSQL bigint[] as Hibernate returns it (an array of Long, or of Number). */
    private static List<Long> longs(Object array) {
        if (array instanceof Object[] values) {
            return Arrays.stream(values).map(v -> ((Number) v).longValue()).toList();
        }
        if (array instanceof long[] values) {
            return Arrays.stream(values).boxed().toList();
        }
        if (array instanceof java.sql.Array sql) {
            try {
                return longs(sql.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read a metrics array: " + e.getMessage(), e);
            }
        }
        return List.of();
    }
}
