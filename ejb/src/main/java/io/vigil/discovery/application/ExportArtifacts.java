package io.vigil.discovery.application;

import io.vigil.keys.Rows;
import io.vigil.retention.DueRule;
import io.vigil.retention.ExpiringArtifact;
import io.vigil.retention.ExpiringArtifacts;
import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * eDiscovery exports for the retention sweep ({@link DataClass#EXPORTS}), one artifact per finished export. An
 * export's clock starts when it finished (it is made long after its calls ended), and it is due when the exports
 * period of every call in it (by the call's class and jurisdiction) has passed since then; it is held while any of
 * its calls is held.
 *
 * <p>A bundle is a file handed to a recipient, not encrypted under a tenant key Vigil could destroy, so both actions
 * remove the bundle and its staging area. <em>Crypto-shred</em> keeps the export's record (matter, requester,
 * counts, the bundle's SHA-256) as {@code EXPIRED}; <em>delete</em> also removes the record and its call list.
 */
@Stateless
public class ExportArtifacts implements ExpiringArtifacts {

    static final String TYPE = "export";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @Override
    public Set<DataClass> dataClasses() {
        return Set.of(DataClass.EXPORTS);
    }

    @Override
    public List<ExpiringArtifact> findDue(TenantId tenant, DueRule rule, String after, int limit) {
        String present = rule.action() == RetentionAction.CRYPTO_SHRED ? "e.state IN ('DONE', 'FAILED')"
                : "e.state IN ('DONE', 'FAILED', 'EXPIRED')";
        String sql = "SELECT e.id FROM export_request e WHERE e.tenant_id = ?1 AND " + present
                // every call still on record is due; a call retention deleted counts as due, since a copy of it
                // must not outlive it
                + " AND NOT EXISTS (SELECT 1 FROM export_call ec JOIN call_session c ON c.id = ec.session_id"
                + " WHERE ec.export_id = e.id AND NOT " + rule.dueSince("c", "GREATEST(COALESCE(e.finished_at, e.requested_at), c.ended_at)") + ")"
                + " AND NOT EXISTS (SELECT 1 FROM export_call ec WHERE ec.export_id = e.id AND " + DueRule.held("ec.session_id") + ")"
                + (after == null ? "" : " AND e.id > CAST(?2 AS uuid)") + " ORDER BY e.id LIMIT " + limit;
        var query = em.createNativeQuery(sql).setParameter(1, tenant.value());
        if (after != null) {
            query.setParameter(2, after);
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = query.getResultList();
        return ids.stream().map(id -> new ExpiringArtifact(Rows.uuid(id).toString(), TYPE, Rows.uuid(id).toString(), null)).toList();
    }

    /** Locks the calls of these exports (a hold being created waits, or is seen) and drops exports a hold now reaches. */
    @Override
    public List<ExpiringArtifact> stillUnheld(TenantId tenant, List<ExpiringArtifact> batch) {
        if (batch.isEmpty()) {
            return batch;
        }
        String exports = uuidArray(batch);
        em.createNativeQuery("SELECT c.id FROM call_session c WHERE c.tenant_id = ?1 AND c.id IN (SELECT session_id"
                + " FROM export_call WHERE export_id = ANY (" + exports + ")) ORDER BY c.id FOR UPDATE")
                .setParameter(1, tenant.value()).getResultList();
        @SuppressWarnings("unchecked")
        List<Object> held = em.createNativeQuery("SELECT DISTINCT ec.export_id FROM export_call ec JOIN legal_hold_session lh"
                + " ON lh.session_id = ec.session_id AND lh.released_at IS NULL WHERE ec.tenant_id = ?1 AND ec.export_id = ANY ("
                + exports + ")").setParameter(1, tenant.value()).getResultList();
        if (held.isEmpty()) {
            return batch;
        }
        Set<String> heldIds = new HashSet<>();
        held.forEach(h -> heldIds.add(Rows.uuid(h).toString()));
        return batch.stream().filter(a -> !heldIds.contains(a.id())).toList();
    }

    @Override
    public void expire(TenantId tenant, DueRule rule, List<ExpiringArtifact> batch) {
        String exports = uuidArray(batch);
        if (rule.action() == RetentionAction.DELETE) {
            em.createNativeQuery("DELETE FROM export_request WHERE tenant_id = ?1 AND id = ANY (" + exports + ")")
                    .setParameter(1, tenant.value()).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE export_call SET staged_json = NULL WHERE tenant_id = ?1 AND export_id = ANY ("
                    + exports + ")").setParameter(1, tenant.value()).executeUpdate();
            em.createNativeQuery("UPDATE export_request SET state = 'EXPIRED', expired_at = now() WHERE tenant_id = ?1"
                    + " AND id = ANY (" + exports + ")").setParameter(1, tenant.value()).executeUpdate();
        }
        // last: if the transaction fails after this, the rows still list the export and the next sweep expires it again
        for (ExpiringArtifact export : batch) {
            try {
                ExportFiles.deleteTree(ExportFiles.directory(tenant, UUID.fromString(export.id())));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove the export " + export.id() + " from "
                        + ExportFiles.root() + ": " + e.getMessage(), e);
            }
        }
    }

    private static String uuidArray(List<ExpiringArtifact> batch) {
        return "CAST(ARRAY[" + batch.stream().map(a -> "'" + UUID.fromString(a.id()) + "'").collect(Collectors.joining(","))
                + "]::text[] AS uuid[])";
    }
}
