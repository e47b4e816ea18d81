package io.vigil.retention;

import io.vigil.audit.domain.AuditActor;
import io.vigil.crypto.audit.CheckpointKey;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.keys.KeyRegistry;
import io.vigil.keys.Rows;
import io.vigil.retention.application.SweepPlanner;
import io.vigil.retention.application.SweepReads;
import io.vigil.retention.application.SweepWorker;
import io.vigil.retention.domain.SweepMode;
import io.vigil.retention.domain.SweepRun;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Retention sweeps: start one (dry run or apply, as of now or a given instant), follow it, and read what it did.
 * A sweep runs in the background in batches and survives a restart; a dry run lists exactly what an apply as of
 * the same instant expires, and both end with a signed certificate. See docs/operations.md.
 */
@Stateless
public class RetentionSweeps {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private SweepPlanner planner;

    @EJB
    private SweepWorker worker;

    @EJB
    private KeyRegistry keys;

    /** A sweep's certificate with its signature and the key that verifies it. */
    public record SignedCertificate(String certificate, byte[] signature, String signingKey, String publicKeyPem) {
    }

    /** One listed artifact: what a dry run found (identifier in the clear) or an apply expired (hash only). */
    public record SweepItem(String dataClass, String type, String idHash, UUID sessionId, String identifier) {
    }

    /** Plans the sweep and runs it in the background; returns its id at once. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public UUID start(TenantId tenant, SweepMode mode, Instant asOf, AuditActor actor) {
        UUID id = planner.plan(tenant, mode, asOf == null ? Instant.now() : asOf, actor);
        worker.runInBackground(id);
        return id;
    }

    /** Plans the sweep and runs it to its end in this thread (the timer, tests, the benchmark). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SweepRun runNow(TenantId tenant, SweepMode mode, Instant asOf, AuditActor actor) {
        UUID id = planner.plan(tenant, mode, asOf == null ? Instant.now() : asOf, actor);
        worker.run(id);
        return find(tenant, id).orElseThrow();
    }

    /** Continues a failed sweep where it stopped; false if the tenant has no such failed sweep. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean resume(TenantId tenant, UUID sweepId, AuditActor actor) {
        if (!planner.reopen(tenant, sweepId, actor)) {
            return false;
        }
        worker.runInBackground(sweepId);
        return true;
    }

    public Optional<SweepRun> find(TenantId tenant, UUID sweepId) {
        return SweepReads.find(em, tenant, sweepId);
    }

    public long count(TenantId tenant) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM retention_sweep WHERE tenant_id = ?1")
                .setParameter(1, tenant.value()).getSingleResult()).longValue();
    }

    public List<SweepRun> page(TenantId tenant, int first, int size) {
        return SweepReads.page(em, tenant, first, Math.min(Math.max(size, 1), 200));
    }

    public long itemCount(TenantId tenant, UUID sweepId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM retention_sweep_item WHERE tenant_id = ?1 AND sweep_id = ?2")
                .setParameter(1, tenant.value()).setParameter(2, sweepId).getSingleResult()).longValue();
    }

    /** A page of what the sweep listed, in class order then as found. */
    public List<SweepItem> items(TenantId tenant, UUID sweepId, int first, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT data_class, artifact_type, id_hash, session_id, identifier"
                        + " FROM retention_sweep_item WHERE tenant_id = ?1 AND sweep_id = ?2 ORDER BY ctid LIMIT "
                        + Math.min(Math.max(size, 1), 1000) + " OFFSET " + Math.max(first, 0))
                .setParameter(1, tenant.value()).setParameter(2, sweepId).getResultList();
        return rows.stream().map(r -> new SweepItem((String) r[0], (String) r[1], HexFormat.of().formatHex((byte[]) r[2]),
                r[3] == null ? null : Rows.uuid(r[3]), (String) r[4])).toList();
    }

    /** Writes every identifier hash of the sweep, one {@code <data class> <type> <sha-256 hex>} line each. */
    public long writeItemHashes(TenantId tenant, UUID sweepId, OutputStream out) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            long n = 0;
            try (var s = c.prepareStatement("SELECT data_class, artifact_type, id_hash FROM retention_sweep_item"
                    + " WHERE tenant_id = ? AND sweep_id = ? ORDER BY data_class, id_hash")) {
                s.setFetchSize(5_000);
                s.setObject(1, tenant.value());
                s.setObject(2, sweepId);
                try (var r = s.executeQuery()) {
                    while (r.next()) {
                        out.write((r.getString(1) + " " + r.getString(2) + " " + HexFormat.of().formatHex(r.getBytes(3))
                                + "\n").getBytes(StandardCharsets.US_ASCII));
                        n++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return n;
        });
    }

    /** The signed certificate of a finished sweep of the tenant. */
    public Optional<SignedCertificate> certificate(TenantId tenant, UUID sweepId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT certificate, signature, signing_key FROM retention_sweep"
                        + " WHERE tenant_id = ?1 AND id = ?2 AND certificate IS NOT NULL")
                .setParameter(1, tenant.value()).setParameter(2, sweepId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        String pem;
        try {
            pem = CheckpointKey.of(keys.provider(tenant).publicKey(keyReference((String) r[2]))).toPem();
        } catch (KeyProviderException | RuntimeException e) {
            pem = null;
        }
        return Optional.of(new SignedCertificate((String) r[0], (byte[]) r[1], (String) r[2], pem));
    }

    /** Reads {@link KeyReference#toString()}: {@code provider:keyId/vN}. */
    static KeyReference keyReference(String text) {
        int colon = text.indexOf(':');
        int version = text.lastIndexOf("/v");
        return new KeyReference(text.substring(0, colon), text.substring(colon + 1, version),
                Integer.parseInt(text.substring(version + 2)));
    }
}
