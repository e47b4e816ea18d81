package io.vigil.retention.application;

import io.vigil.retention.DueRule;
import io.vigil.retention.ExpiringArtifact;
import io.vigil.tenancy.TenantId;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The query shape Vigil's own contributors share: due, present, not held, after the cursor, in key order. */
final class SweepSql {

    private SweepSql() {
    }

    /**
     * Runs {@code select} (two columns: artifact id, call id; {@code c} is the call) narrowed to the rule, the tenant
     * ({@code ?1}), unheld calls and the cursor on {@code keyColumn}.
     */
    static List<ExpiringArtifact> due(EntityManager em, String select, String keyColumn, String type, TenantId tenant,
                                      DueRule rule, String after, int limit) {
        String sql = select + " AND c.tenant_id = ?1 AND " + rule.callIsDue("c") + " AND " + DueRule.notHeld("c.id")
                + (after == null ? "" : " AND " + keyColumn + " > CAST(?2 AS uuid)")
                + " ORDER BY " + keyColumn + " LIMIT " + limit;
        var query = em.createNativeQuery(sql).setParameter(1, tenant.value());
        if (after != null) {
            query.setParameter(2, after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> ExpiringArtifact.of(type, uuid(r[0]), uuid(r[1]))).toList();
    }

    static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    /** {@code 'id', 'id'} of a batch, for {@code = ANY} without array binding (ids are UUIDs we produced). */
    static String uuidArray(Collection<UUID> ids) {
        return "CAST(ARRAY[" + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + "]::text[] AS uuid[])";
    }

    static List<UUID> ids(List<ExpiringArtifact> batch) {
        return batch.stream().map(a -> UUID.fromString(a.id())).toList();
    }

    static List<UUID> sessions(List<ExpiringArtifact> batch) {
        return batch.stream().map(ExpiringArtifact::sessionId).distinct().toList();
    }
}
