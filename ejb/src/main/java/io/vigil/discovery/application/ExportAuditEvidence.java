package io.vigil.discovery.application;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditExportWriter;
import io.vigil.audit.domain.AuditRows;
import io.vigil.audit.domain.JdbcAuditTreeStore;
import io.vigil.audit.domain.StoredCheckpoint;
import io.vigil.crypto.audit.AuditExport;
import io.vigil.crypto.audit.TreeProofs;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.hibernate.Session;

/**
 * The audit evidence of a bundle, in the audit log's tenant-export format (docs/audit.md) so the same verifier
 * checks it: the entries about the exported calls, their recordings, their holds and the export itself, each with
 * its RFC 9162 inclusion proof against one signed checkpoint made for the export.
 */
@Stateless
public class ExportAuditEvidence {

    @EJB
    private AuditTrail audit;

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    /** A signed checkpoint covering everything committed now. */
    public StoredCheckpoint checkpoint() {
        return audit.checkpointNow().orElseThrow(() -> new IllegalStateException("the audit log cannot sign a checkpoint"));
    }

    public String auditKeyPem() {
        return audit.key().toPem();
    }

    /** The ids of the recordings of the given calls (their audit entries name the recording). */
    public Set<String> recordingIds(TenantId tenant, Set<String> callIds) {
        if (callIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        java.util.List<Object> ids = em.createNativeQuery("SELECT CAST(id AS text) FROM recording WHERE tenant_id = ?1"
                        + " AND CAST(session_id AS text) = ANY (CAST(?2 AS text[]))")
                .setParameter(1, tenant.value()).setParameter(2, "{" + String.join(",", callIds) + "}").getResultList();
        return ids.stream().map(Object::toString).collect(java.util.stream.Collectors.toSet());
    }

    /** Writes the tenant's entries below {@code treeSize} whose object is one of {@code objectIds}; returns their seqs. */
    public long[] writeEntries(TenantId tenant, Set<String> objectIds, long treeSize, OutputStream out) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            long[][] seqs = {new long[256]};
            int[] n = {0};
            try {
                new AuditRows(c).stream(tenant.value(), treeSize, stored -> {
                    if (stored.entry().objectId() != null && objectIds.contains(stored.entry().objectId())) {
                        out.write(AuditExport.line(stored.entry(), stored.leafHash()).getBytes(StandardCharsets.UTF_8));
                        out.write('\n');
                        if (n[0] == seqs[0].length) {
                            seqs[0] = Arrays.copyOf(seqs[0], n[0] * 2);
                        }
                        seqs[0][n[0]++] = stored.entry().seq();
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Arrays.copyOf(seqs[0], n[0]);
        });
    }

    /** Writes the inclusion proof of each of {@code seqs} in the tree of {@code treeSize} entries. */
    public void writeProofs(long[] seqs, long treeSize, OutputStream out) {
        em.unwrap(Session.class).doWork(c -> {
            TreeProofs proofs = TreeProofs.over(new JdbcAuditTreeStore(c));
            try {
                for (long seq : seqs) {
                    out.write(AuditExportWriter.proofLine(proofs.inclusion(seq, treeSize)).getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
