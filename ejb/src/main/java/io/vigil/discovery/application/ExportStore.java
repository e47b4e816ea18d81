package io.vigil.discovery.application;

import io.vigil.audit.domain.AuditActor;
import io.vigil.crypto.bundle.EntryDigest;
import io.vigil.discovery.domain.ExportJson;
import io.vigil.discovery.domain.ExportRequest;
import io.vigil.discovery.domain.ExportState;
import io.vigil.discovery.domain.ExportSummary;
import io.vigil.discovery.domain.StagedCall;
import io.vigil.keys.Rows;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The export tables (V14): requests, their calls in production order, and what is staged. Every read takes the
 * tenant first. Each method runs in its own transaction when the caller has none (the worker), so every staged call
 * is durable on its own.
 */
@Stateless
public class ExportStore {

    static final int PAGE = 500;

    /** One export as stored, with what the worker needs. */
    public record StoredExport(UUID id, TenantId tenant, ExportRequest request, AuditActor requester, Instant requestedAt,
                               ExportState state, int totalCalls, String signingChainPem, String trustRootPem) {
    }

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    public void insert(TenantId tenant, UUID id, ExportRequest request, AuditActor requester, Instant at, List<UUID> calls,
                       String chainPem, String rootPem) {
        em.createNativeQuery("INSERT INTO export_request (id, tenant_id, matter, request_json, requested_by, requested_by_name,"
                        + " requested_at, state, total_calls, signing_chain_pem, trust_root_pem)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'QUEUED', ?8, ?9, ?10)")
                .setParameter(1, id).setParameter(2, tenant.value()).setParameter(3, request.matter())
                .setParameter(4, ExportJson.write(request)).setParameter(5, requester.id()).setParameter(6, requester.name())
                .setParameter(7, Timestamp.from(at)).setParameter(8, calls.size()).setParameter(9, chainPem)
                .setParameter(10, rootPem).executeUpdate();
        for (int from = 0; from < calls.size(); from += PAGE) {
            StringBuilder sql = new StringBuilder("INSERT INTO export_call (export_id, tenant_id, ordinal, session_id) VALUES ");
            int to = Math.min(calls.size(), from + PAGE);
            for (int i = from; i < to; i++) {
                sql.append(i > from ? ", " : "").append("(?1, ?2, ").append(i).append(", CAST('").append(calls.get(i))
                        .append("' AS uuid))");
            }
            em.createNativeQuery(sql.toString()).setParameter(1, id).setParameter(2, tenant.value()).executeUpdate();
        }
    }

    public Optional<StoredExport> find(TenantId tenant, UUID id) {
        List<Object[]> rows = rows("SELECT id, request_json, requested_by, requested_by_name, requested_at, state, total_calls,"
                + " signing_chain_pem, trust_root_pem FROM export_request WHERE tenant_id = ?1 AND id = ?2", tenant.value(), id);
        return rows.stream().findFirst().map(r -> new StoredExport(Rows.uuid(r[0]), tenant,
                ExportJson.read((String) r[1], ExportRequest.class), new AuditActor((String) r[2], (String) r[3]),
                Rows.instant(r[4]), ExportState.valueOf((String) r[5]), ((Number) r[6]).intValue(), (String) r[7],
                (String) r[8]));
    }

    public Optional<ExportSummary> summary(TenantId tenant, UUID id) {
        return rows(SUMMARY + " WHERE tenant_id = ?1 AND id = ?2", tenant.value(), id).stream().findFirst()
                .map(ExportStore::summary);
    }

    public List<ExportSummary> page(TenantId tenant, int first, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SUMMARY + " WHERE tenant_id = ?1 ORDER BY requested_at DESC, id"
                        + " OFFSET ?2 LIMIT ?3").setParameter(1, tenant.value()).setParameter(2, Math.max(0, first))
                .setParameter(3, Math.min(Math.max(1, size), 100)).getResultList();
        return rows.stream().map(ExportStore::summary).toList();
    }

    public long count(TenantId tenant) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM export_request WHERE tenant_id = ?1")
                .setParameter(1, tenant.value()).getSingleResult()).longValue();
    }

    /** Exports of the requester that finished and whose notice was not shown yet; marks them shown. */
    public List<ExportSummary> takeNotices(TenantId tenant, String requester) {
        List<Object[]> rows = rows(SUMMARY + " WHERE tenant_id = ?1 AND requested_by = ?2 AND state IN ('DONE', 'FAILED')"
                + " AND NOT notified ORDER BY finished_at", tenant.value(), requester);
        em.createNativeQuery("UPDATE export_request SET notified = true WHERE tenant_id = ?1 AND requested_by = ?2"
                        + " AND state IN ('DONE', 'FAILED') AND NOT notified")
                .setParameter(1, tenant.value()).setParameter(2, requester).executeUpdate();
        return rows.stream().map(ExportStore::summary).toList();
    }

    /** Unfinished exports of every tenant: tenant id and export id. */
    public List<Object[]> unfinished() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT tenant_id, id FROM export_request WHERE state IN ('QUEUED', 'RUNNING')"
                + " ORDER BY requested_at").getResultList();
        return rows;
    }

    public List<UUID> callIds(UUID exportId) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT session_id FROM export_call WHERE export_id = ?1 ORDER BY ordinal")
                .setParameter(1, exportId).getResultList();
        return ids.stream().map(Rows::uuid).toList();
    }

    public BitSet stagedOrdinals(UUID exportId) {
        @SuppressWarnings("unchecked")
        List<Object> ordinals = em.createNativeQuery("SELECT ordinal FROM export_call WHERE export_id = ?1"
                + " AND staged_json IS NOT NULL").setParameter(1, exportId).getResultList();
        BitSet staged = new BitSet();
        ordinals.forEach(o -> staged.set(((Number) o).intValue()));
        return staged;
    }

    public Optional<StagedCall> stagedCall(UUID exportId, int ordinal) {
        @SuppressWarnings("unchecked")
        List<Object> json = em.createNativeQuery("SELECT staged_json FROM export_call WHERE export_id = ?1 AND ordinal = ?2"
                + " AND staged_json IS NOT NULL").setParameter(1, exportId).setParameter(2, ordinal).getResultList();
        return json.stream().findFirst().map(j -> ExportJson.read((String) j, StagedCall.class));
    }

    public void callStaged(UUID exportId, StagedCall call) {
        em.createNativeQuery("UPDATE export_call SET staged_json = ?3 WHERE export_id = ?1 AND ordinal = ?2")
                .setParameter(1, exportId).setParameter(2, call.document().ordinal())
                .setParameter(3, ExportJson.write(call)).executeUpdate();
        em.createNativeQuery("UPDATE export_request SET staged_calls = (SELECT count(*) FROM export_call WHERE export_id = ?1"
                + " AND staged_json IS NOT NULL) WHERE id = ?1").setParameter(1, exportId).executeUpdate();
    }

    /** Staged calls from {@code fromOrdinal}, one page, in order. */
    public List<StagedCall> stagedPage(UUID exportId, int fromOrdinal) {
        @SuppressWarnings("unchecked")
        List<Object> json = em.createNativeQuery("SELECT staged_json FROM export_call WHERE export_id = ?1 AND ordinal >= ?2"
                        + " AND staged_json IS NOT NULL ORDER BY ordinal LIMIT " + PAGE)
                .setParameter(1, exportId).setParameter(2, fromOrdinal).getResultList();
        return json.stream().map(j -> ExportJson.read((String) j, StagedCall.class)).toList();
    }

    public Optional<EntryDigest> file(UUID exportId, String path) {
        @SuppressWarnings("unchecked")
        List<Object> json = em.createNativeQuery("SELECT digest_json FROM export_file WHERE export_id = ?1 AND path = ?2")
                .setParameter(1, exportId).setParameter(2, path).getResultList();
        return json.stream().findFirst().map(j -> ExportJson.read((String) j, EntryDigest.class));
    }

    public void fileStaged(TenantId tenant, UUID exportId, EntryDigest digest) {
        em.createNativeQuery("INSERT INTO export_file (export_id, tenant_id, path, digest_json) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, exportId).setParameter(2, tenant.value()).setParameter(3, digest.path())
                .setParameter(4, ExportJson.write(digest)).executeUpdate();
    }

    public void running(UUID exportId) {
        em.createNativeQuery("UPDATE export_request SET state = 'RUNNING', error = NULL WHERE id = ?1 AND state <> 'DONE'")
                .setParameter(1, exportId).executeUpdate();
    }

    public void done(UUID exportId, long size, String sha256, boolean encrypted) {
        em.createNativeQuery("UPDATE export_request SET state = 'DONE', bundle_size = ?2, bundle_sha256 = ?3, encrypted = ?4,"
                        + " finished_at = now() WHERE id = ?1")
                .setParameter(1, exportId).setParameter(2, size).setParameter(3, sha256).setParameter(4, encrypted)
                .executeUpdate();
    }

    public void failed(UUID exportId, String error) {
        em.createNativeQuery("UPDATE export_request SET state = 'FAILED', error = ?2, finished_at = now() WHERE id = ?1")
                .setParameter(1, exportId).setParameter(2, error).executeUpdate();
    }

    private static final String SUMMARY = "SELECT id, matter, requested_by, requested_by_name, requested_at, state, total_calls,"
            + " staged_calls, bundle_size, bundle_sha256, encrypted, error, finished_at FROM export_request";

    private static ExportSummary summary(Object[] r) {
        return new ExportSummary(Rows.uuid(r[0]), (String) r[1], (String) r[2], (String) r[3], Rows.instant(r[4]),
                ExportState.valueOf((String) r[5]), ((Number) r[6]).intValue(), ((Number) r[7]).intValue(),
                r[8] == null ? null : ((Number) r[8]).longValue(), (String) r[9], (Boolean) r[10], (String) r[11],
                Rows.instant(r[12]));
    }

    private List<Object[]> rows(String sql, Object first, Object second) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, first).setParameter(2, second).getResultList();
        return rows;
    }
}
