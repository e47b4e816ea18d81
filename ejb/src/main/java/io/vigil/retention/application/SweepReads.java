package io.vigil.retention.application;

import io.vigil.keys.Rows;
import io.vigil.retention.domain.SweepMode;
import io.vigil.retention.domain.SweepRun;
import io.vigil.tenancy.TenantId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads sweeps for the console and the API, tenant first. */
public final class SweepReads {

    private static final String SELECT = "SELECT id, tenant_id, mode, state, as_of, started_by, started_at, updated_at,"
            + " finished_at, last_error, certificate IS NOT NULL FROM retention_sweep WHERE tenant_id = ?1 ";

    private SweepReads() {
    }

    public static Optional<SweepRun> find(EntityManager em, TenantId tenant, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + "AND id = ?2").setParameter(1, tenant.value())
                .setParameter(2, id).getResultList();
        return rows.stream().findFirst().map(r -> run(em, r));
    }

    public static List<SweepRun> page(EntityManager em, TenantId tenant, int first, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + "ORDER BY started_at DESC, id LIMIT " + size + " OFFSET "
                + Math.max(first, 0)).setParameter(1, tenant.value()).getResultList();
        return rows.stream().map(r -> run(em, r)).toList();
    }

    private static SweepRun run(EntityManager em, Object[] r) {
        UUID id = Rows.uuid(r[0]);
        return new SweepRun(id, Rows.uuid(r[1]), SweepMode.valueOf((String) r[2]), (String) r[3], Rows.instant(r[4]),
                (String) r[5], Rows.instant(r[6]), Rows.instant(r[7]), Rows.instant(r[8]), (String) r[9],
                SweepFinisher.classes(em, id), (Boolean) r[10]);
    }
}
