package io.vigil.recording;

import io.vigil.session.domain.Channel;
import io.vigil.session.domain.SessionEventType;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The calls whose live tracks a crash or a failed store left behind, and how a call left LIVE is ended. */
@Stateless
public class OrphanedCalls {

    /** A call whose live tracks were never stored, and the rate they were recorded at. */
    public record Orphan(TenantId tenant, UUID session, int sampleRate) {
    }

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    /**
     * Every call started before {@code startedBefore} (system work at start-up, all tenants) whose live tracks may
     * hold audio that is not stored: calls still LIVE (the server stopped during them), and calls that ended but
     * whose tracks could not be stored then (a full disk, a write error): their live keys are still in the inventory
     * and they have no recording.
     */
    public List<Orphan> live(Instant startedBefore) {
        List<?> rows = em.createNativeQuery("SELECT tenant_id, id, channel FROM call_session"
                        + " WHERE status = 'LIVE' AND started_at < ?1"
                        + " UNION"
                        + " SELECT c.tenant_id, c.id, c.channel FROM data_key k"
                        + " JOIN call_session c ON c.tenant_id = k.tenant_id AND c.id = k.owner_id"
                        + " WHERE k.owner_type IN ('live-caller', 'live-agent') AND k.shredded_at IS NULL"
                        + " AND c.status <> 'LIVE' AND c.started_at < ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM recording r WHERE r.tenant_id = c.tenant_id"
                        + " AND r.session_id = c.id)")
                .setParameter(1, java.sql.Timestamp.from(startedBefore)).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new Orphan(new TenantId((UUID) r[0]), (UUID) r[1], Channel.valueOf((String) r[2]).audioRate()))
                .toList();
    }

    /**
     * Marks the call FAILED, ended after the audio that was recovered (at least at its start), and records why as
     * its {@code SESSION_ENDED} event.
     */
    public void endAbnormally(TenantId tenant, UUID session, long recoveredMs) {
        int updated = em.createNativeQuery("UPDATE call_session SET status = 'FAILED', duration_ms = ?3,"
                        + " ended_at = started_at + make_interval(secs => ?3 / 1000.0),"
                        + " flag_count = (SELECT count(*) FROM flag f WHERE f.session_id = call_session.id)"
                        + " WHERE tenant_id = ?1 AND id = ?2 AND status = 'LIVE'")
                .setParameter(1, tenant.value()).setParameter(2, session).setParameter(3, recoveredMs)
                .executeUpdate();
        if (updated == 0) {
            return; // already ended (a second recovery, or the call row was completed meanwhile)
        }
        em.createNativeQuery("INSERT INTO session_event (tenant_id, session_id, type, at_ms, payload)"
                        + " VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb))")
                .setParameter(1, tenant.value()).setParameter(2, session)
                .setParameter(3, SessionEventType.SESSION_ENDED.name())
                .setParameter(4, (int) Math.min(Integer.MAX_VALUE, recoveredMs))
                .setParameter(5, "{\"endedBy\":\"RECOVERY\",\"abnormal\":true,\"reason\":\"the server stopped during"
                        + " the call; its recordings were recovered up to their last complete segment\","
                        + "\"recoveredMs\":" + recoveredMs + "}")
                .executeUpdate();
    }
}
