package io.vigil.redaction.application;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.crypto.keys.DataKey;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.crypto.keys.WrappedDataKey;
import io.vigil.keys.DataKeyInventory;
import io.vigil.keys.KeyRegistry;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The originals of redacted transcripts: sealed when a call's transcript is stored, opened only by break-glass.
 * Opening needs a written justification and is recorded in the audit trail before anything is decrypted, in the
 * same transaction, so no original is ever shown without its audit entry; a refused attempt is recorded too.
 */
@Stateless
public class OriginalTranscripts {

    public static final String OWNER_TYPE = "transcript-original";
    public static final String BREAK_GLASS = "transcript.break-glass";
    public static final int MIN_JUSTIFICATION = 15;

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private KeyRegistry keys;

    @EJB
    private DataKeyInventory inventory;

    @EJB
    private AuditTrail audit;

    /** Seals a call's original lines (in transcript order) under a fresh data key of the tenant's transcript key. */
    public void seal(TenantId tenant, UUID sessionId, List<String> originals) {
        keys.ensureTenantKeys(tenant);
        byte[] context = OriginalTranscriptCipher.keyContext(tenant.value(), sessionId);
        try (DataKey dataKey = keys.wrapper(tenant).newDataKey(KeyRegistry.keyName(tenant, KeyDomain.TRANSCRIPT), context)) {
            inventory.register(tenant, KeyDomain.TRANSCRIPT, OWNER_TYPE, sessionId, dataKey.wrapped(), context);
            for (int seq = 0; seq < originals.size(); seq++) {
                OriginalTranscriptCipher.Sealed sealed = OriginalTranscriptCipher.seal(dataKey.plaintext(),
                        tenant.value(), sessionId, seq, originals.get(seq));
                em.createNativeQuery("INSERT INTO transcript_original (tenant_id, session_id, seq, nonce, ciphertext)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, tenant.value()).setParameter(2, sessionId).setParameter(3, seq)
                        .setParameter(4, sealed.nonce()).setParameter(5, sealed.ciphertext()).executeUpdate();
            }
        } catch (KeyProviderException e) {
            throw new IllegalStateException("the tenant's transcript key cannot wrap a data key: " + e.getMessage(), e);
        }
    }

    /**
     * Break-glass: the call's original lines, by transcript position. Refused (and audited as refused) without a
     * justification of at least {@link #MIN_JUSTIFICATION} characters, for a call of another tenant, and when the
     * call's key was shredded.
     */
    public List<String> reveal(TenantId tenant, UUID sessionId, AuditActor actor, String justification) {
        String reason = justification == null ? "" : justification.strip();
        if (reason.length() < MIN_JUSTIFICATION) {
            audit.recordFailure(event(tenant, sessionId, actor, AuditOutcome.DENIED, reason, "no justification"));
            throw new BreakGlassRefused("Say why you need the original (at least " + MIN_JUSTIFICATION
                    + " characters, e.g. the case or ticket it is for); the reason is kept in the audit trail.");
        }
        List<Object[]> key = rows("SELECT provider_id, key_id, key_version, wrapped, associated_data, shredded_at"
                + " FROM data_key WHERE tenant_id = ?1 AND owner_type = '" + OWNER_TYPE + "' AND owner_id = ?2",
                tenant, sessionId);
        if (key.isEmpty()) {
            audit.recordFailure(event(tenant, sessionId, actor, AuditOutcome.DENIED, reason, "no original kept"));
            throw new BreakGlassRefused("No original is kept for this call: it was stored redacted only.");
        }
        Object[] k = key.get(0);
        if (k[5] != null) {
            audit.recordFailure(event(tenant, sessionId, actor, AuditOutcome.DENIED, reason, "shredded"));
            throw new BreakGlassRefused("The original of this call was crypto-shredded and cannot be recovered.");
        }
        audit.record(event(tenant, sessionId, actor, AuditOutcome.SUCCESS, reason, null));
        byte[] context = (byte[]) k[4];
        byte[] dataKey;
        try {
            dataKey = keys.wrapper(tenant).unwrap(new WrappedDataKey(new KeyReference((String) k[0], (String) k[1],
                    ((Number) k[2]).intValue()), (byte[]) k[3]), context);
        } catch (KeyProviderException e) {
            throw new BreakGlassRefused("The tenant's transcript key cannot open this original: " + e.getMessage());
        }
        try {
            List<String> lines = new ArrayList<>();
            for (Object[] row : rows("SELECT seq, nonce, ciphertext FROM transcript_original WHERE tenant_id = ?1"
                    + " AND session_id = ?2 ORDER BY seq", tenant, sessionId)) {
                lines.add(OriginalTranscriptCipher.open(dataKey, tenant.value(), sessionId, ((Number) row[0]).intValue(),
                        new OriginalTranscriptCipher.Sealed((byte[]) row[1], (byte[]) row[2])));
            }
            return lines;
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static AuditEvent event(TenantId tenant, UUID sessionId, AuditActor actor, AuditOutcome outcome,
                                    String justification, String refusal) {
        Map<String, String> details = refusal == null ? Map.of("justification", justification)
                : Map.of("justification", justification, "refused", refusal);
        return new AuditEvent(tenant.value(), actor, BREAK_GLASS, "call_session", sessionId.toString(), null, outcome,
                details);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, TenantId tenant, UUID sessionId) {
        return em.createNativeQuery(sql).setParameter(1, tenant.value()).setParameter(2, sessionId).getResultList();
    }
}
