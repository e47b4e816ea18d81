package io.vigil.retention.application;

import io.vigil.crypto.blob.BlobId;
import io.vigil.keys.DataKeyHolder;
import io.vigil.recording.RecordingBlobs;
import io.vigil.recording.RecordingLibrary;
import io.vigil.retention.AudioTracks;
import io.vigil.retention.DueRule;
import io.vigil.retention.ExpiringArtifact;
import io.vigil.retention.ExpiringArtifacts;
import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Recordings, one artifact per track, by the track's data class ({@link DataClass#ofTrack}). Crypto-shredding
 * destroys the track's data key and the copy in its header; deleting also removes the blob and the row (the
 * shredded inventory entry stays, as the record that the key is gone).
 */
@Stateless
public class RecordingArtifacts implements ExpiringArtifacts {

    static final String TYPE = "recording";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private RecordingBlobs blobs;

    @Inject
    @Any
    private Instance<DataKeyHolder> holders;

    @Override
    public Set<DataClass> dataClasses() {
        return EnumSet.of(DataClass.RAW_CALLER_AUDIO, DataClass.RAW_AGENT_AUDIO, DataClass.REDACTED_AUDIO);
    }

    @Override
    public List<ExpiringArtifact> findDue(TenantId tenant, DueRule rule, String after, int limit) {
        String present = rule.action() == RetentionAction.CRYPTO_SHRED ? " AND k.shredded_at IS NULL" : "";
        return SweepSql.due(em, "SELECT r.id, r.session_id FROM recording r JOIN call_session c ON c.id = r.session_id"
                + " JOIN data_key k ON k.id = r.data_key_id WHERE r.tenant_id = ?1 AND " + AudioTracks.inClass(rule.dataClass(), "r.track")
                + present, "r.id", TYPE, tenant, rule, after, limit);
    }

    @Override
    public void expire(TenantId tenant, DueRule rule, List<ExpiringArtifact> batch) {
        List<UUID> ids = SweepSql.ids(batch);
        shred(em, holders, tenant, ids, rule.action() == RetentionAction.CRYPTO_SHRED);
        if (rule.action() == RetentionAction.DELETE) {
            delete(em, blobs, tenant, "r.id = ANY (" + SweepSql.uuidArray(ids) + ")");
        }
    }

    /** Shreds the data keys of these recordings (and, when the blobs stay, the copies in their headers). */
    static void shred(EntityManager em, Instance<DataKeyHolder> holders, TenantId tenant, List<UUID> recordings,
                      boolean blobsStay) {
        if (recordings.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> shredded = em.createNativeQuery("UPDATE data_key SET wrapped = NULL, shredded_at = now()"
                        + " WHERE tenant_id = ?1 AND owner_type = '" + RecordingLibrary.OWNER_TYPE + "' AND owner_id = ANY ("
                        + SweepSql.uuidArray(recordings) + ") AND shredded_at IS NULL RETURNING owner_id")
                .setParameter(1, tenant.value()).getResultList();
        if (blobsStay) {
            for (DataKeyHolder holder : holders) {
                if (holder.ownerType().equals(RecordingLibrary.OWNER_TYPE)) {
                    shredded.forEach(id -> holder.shredCopy(tenant, SweepSql.uuid(id)));
                }
            }
        }
    }

    /** Deletes the recordings matching {@code where} (alias {@code r}): keys shredded first, then rows, then blobs. */
    static void delete(EntityManager em, RecordingBlobs blobs, TenantId tenant, String where) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.id, r.blob_id FROM recording r WHERE r.tenant_id = ?1 AND " + where)
                .setParameter(1, tenant.value()).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        List<UUID> ids = rows.stream().map(r -> SweepSql.uuid(r[0])).toList();
        em.createNativeQuery("UPDATE data_key SET wrapped = NULL, shredded_at = now() WHERE tenant_id = ?1"
                        + " AND owner_type = '" + RecordingLibrary.OWNER_TYPE + "' AND owner_id = ANY ("
                        + SweepSql.uuidArray(ids) + ") AND shredded_at IS NULL")
                .setParameter(1, tenant.value()).executeUpdate();
        em.createNativeQuery("DELETE FROM recording WHERE tenant_id = ?1 AND id = ANY (" + SweepSql.uuidArray(ids) + ")")
                .setParameter(1, tenant.value()).executeUpdate();
        // last: a blob deleted in a transaction that then fails is found again (row and key) and deleted again
        for (Object[] row : rows) {
            try {
                blobs.store().delete(BlobId.of((String) row[1]));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the recording blob " + row[1] + ": " + e.getMessage(), e);
            }
        }
    }
}
