package io.vigil.recording;

import io.vigil.crypto.blob.BlobId;
import io.vigil.crypto.recording.RecordingFormatException;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.keys.KeyRegistry;
import io.vigil.keys.Rows;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds a tenant's recordings and opens them for reading. Every lookup is by tenant first: another tenant's
 * recording id finds nothing. Opening checks the inventory before the blob, so a shredded recording says so
 * ({@link RecordingFormatException.Reason#SHREDDED}) rather than failing on its wiped header.
 */
@Stateless
public class RecordingLibrary {

    /** The {@code data_key.owner_type} of recording tracks. */
    public static final String OWNER_TYPE = "recording";

    private static final String SELECT = "SELECT r.id, r.session_id, r.track, r.duration_ms, r.format, r.size_bytes,"
            + " r.complete, r.key_ref, r.created_at, k.shredded_at, r.blob_id FROM recording r"
            + " JOIN data_key k ON k.id = r.data_key_id WHERE r.tenant_id = ?1 ";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private KeyRegistry registry;

    @EJB
    private RecordingBlobs blobs;

    public List<RecordingInfo> forSession(TenantId tenant, UUID sessionId) {
        return rows(SELECT + "AND r.session_id = ?2 ORDER BY r.track", tenant, sessionId).stream().map(RecordingLibrary::info).toList();
    }

    public Optional<RecordingInfo> find(TenantId tenant, UUID id) {
        return rows(SELECT + "AND r.id = ?2", tenant, id).stream().findFirst().map(RecordingLibrary::info);
    }

    /**
     * Opens the recording for decryption on the fly; the caller closes the reader. Empty if the tenant has no such
     * recording. Fails with the format's reason: SHREDDED, KEY_VERSION_RETIRED, a tampered or truncated blob.
     */
    public Optional<RecordingReader> open(TenantId tenant, UUID id) throws IOException {
        List<Object[]> rows = rows(SELECT + "AND r.id = ?2", tenant, id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        RecordingInfo info = info(row);
        if (info.shredded()) {
            throw new RecordingFormatException(RecordingFormatException.Reason.SHREDDED, "Recording " + id
                    + " was crypto-shredded at " + info.shreddedAt() + "; its audio cannot be recovered");
        }
        RecordingReader reader = RecordingReader.open(blobs.store().open(BlobId.of((String) row[10])),
                registry.wrapper(tenant), CallRecorder.contextOf(tenant, info.sessionId(), info.track()));
        return Optional.of(info.complete() ? reader.requireComplete() : reader);
    }

    private List<Object[]> rows(String sql, TenantId tenant, UUID value) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, tenant.value()).setParameter(2, value).getResultList();
        return rows;
    }

    private static RecordingInfo info(Object[] r) {
        return new RecordingInfo(Rows.uuid(r[0]), Rows.uuid(r[1]), (String) r[2], ((Number) r[3]).longValue(),
                (String) r[4], ((Number) r[5]).longValue(), (Boolean) r[6], (String) r[7], Rows.instant(r[8]),
                Rows.instant(r[9]));
    }
}
