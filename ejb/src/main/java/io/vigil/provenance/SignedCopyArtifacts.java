package io.vigil.provenance;

import io.vigil.keys.Rows;
import io.vigil.retention.AudioTracks;
import io.vigil.retention.DueRule;
import io.vigil.retention.ExpiringArtifact;
import io.vigil.retention.ExpiringArtifacts;
import io.vigil.retention.domain.DataClass;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * C2PA-signed copies for the retention sweep: a signed recording follows its call under the data class of its track
 * (an agent track is raw agent audio, a mixed call recording raw caller audio, a redacted copy redacted audio), one
 * artifact per signed recording. The signed file is a stored recording, whose key and blob the recordings
 * contributor shreds or deletes in the same class; this contributor removes what Vigil recorded about its manifest
 * ({@code recording_provenance}: label, title naming the call, signer), which would otherwise describe a file
 * nobody can open. The {@code c2pa.sign} entries of the audit trail stay, as the trail is append-only.
 */
@Stateless
public class SignedCopyArtifacts implements ExpiringArtifacts {

    static final String TYPE = "c2pa-signed-copy";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @Override
    public Set<DataClass> dataClasses() {
        return EnumSet.of(DataClass.RAW_CALLER_AUDIO, DataClass.RAW_AGENT_AUDIO, DataClass.REDACTED_AUDIO);
    }

    @Override
    public List<ExpiringArtifact> findDue(TenantId tenant, DueRule rule, String after, int limit) {
        String sql = "SELECT p.recording_id, p.session_id FROM recording_provenance p JOIN recording r ON r.id = p.recording_id"
                + " JOIN call_session c ON c.id = p.session_id WHERE p.tenant_id = ?1 AND c.tenant_id = ?1 AND "
                + AudioTracks.inClass(rule.dataClass(), "r.track") + " AND " + rule.callIsDue("c") + " AND "
                + DueRule.notHeld("c.id") + (after == null ? "" : " AND p.recording_id > CAST(?2 AS uuid)")
                + " ORDER BY p.recording_id LIMIT " + limit;
        var query = em.createNativeQuery(sql).setParameter(1, tenant.value());
        if (after != null) {
            query.setParameter(2, after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> ExpiringArtifact.of(TYPE, Rows.uuid(r[0]), Rows.uuid(r[1]))).toList();
    }

    @Override
    public void expire(TenantId tenant, DueRule rule, List<ExpiringArtifact> batch) {
        em.createNativeQuery("DELETE FROM recording_provenance WHERE tenant_id = ?1 AND recording_id = ANY (CAST(ARRAY["
                        + batch.stream().map(a -> "'" + java.util.UUID.fromString(a.id()) + "'").collect(Collectors.joining(","))
                        + "]::text[] AS uuid[]))")
                .setParameter(1, tenant.value()).executeUpdate();
    }
}
