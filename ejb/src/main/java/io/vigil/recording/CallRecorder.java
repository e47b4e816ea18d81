package io.vigil.recording;

import io.vigil.crypto.blob.BlobId;
import io.vigil.crypto.blob.LiveBlob;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.recording.RecordingContext;
import io.vigil.crypto.recording.RecordingWriter;
import io.vigil.keys.DataKeyInventory;
import io.vigil.keys.KeyRegistry;
import io.vigil.keys.KeyServiceException;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Stores a finished audio track as an encrypted recording: a fresh data key wrapped by the tenant's audio key,
 * the WAV file encrypted with {@link RecordingWriter} into the blob store, the wrapped key in the data key inventory
 * and a {@code recording} row. The associated data binds tenant, call and track, so the blob cannot be replayed as
 * another call's recording.
 */
@Stateless
public class CallRecorder {

    /** 16 KiB: half a second of 16 kHz audio, about a second at 8 kHz; the most a crash could lose. */
    static final int SEGMENT_BYTES = 16 * 1024;
    static final String DATA_CLASS = "audio";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private KeyRegistry registry;

    @EJB
    private DataKeyInventory inventory;

    @EJB
    private RecordingBlobs blobs;

    public UUID record(TenantId tenant, UUID sessionId, String track, WavAudio audio) {
        return record(tenant, sessionId, track, audio.fileBytes(), audio.durationMs(), audio.format());
    }

    /**
     * Stores a complete WAV file as it is, e.g. one that carries a C2PA manifest (io.vigil.provenance signs before
     * the recording is encrypted, so playback and exports serve the signed file).
     */
    public UUID record(TenantId tenant, UUID sessionId, String track, byte[] file, long durationMs, String format) {
        registry.ensureTenantKeys(tenant);
        UUID id = UUID.randomUUID();
        RecordingContext context = contextOf(tenant, sessionId, track);
        BlobId blob = RecordingBlobs.blobIdFor(tenant.toString(), id);
        RecordingWriter writer;
        try (LiveBlob out = blobs.store().create(blob)) {
            writer = RecordingWriter.create(out, registry.wrapper(tenant), KeyRegistry.keyName(tenant, KeyDomain.AUDIO),
                    context, SEGMENT_BYTES);
            writer.write(file);
            writer.close();
        } catch (KeyProviderException e) {
            throw new KeyServiceException("Cannot issue a data key for the recording: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write recording " + blob + " to the blob store", e);
        }
        UUID dataKey = inventory.register(tenant, KeyDomain.AUDIO, RecordingLibrary.OWNER_TYPE, id, writer.wrappedKey(),
                context.associatedData());
        em.createNativeQuery("INSERT INTO recording (id, tenant_id, session_id, track, blob_id, data_key_id, key_ref,"
                        + " duration_ms, format, size_bytes, complete) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, true)")
                .setParameter(1, id).setParameter(2, tenant.value()).setParameter(3, sessionId).setParameter(4, track)
                .setParameter(5, blob.value()).setParameter(6, dataKey).setParameter(7, writer.keyReference().toString())
                .setParameter(8, durationMs).setParameter(9, format).setParameter(10, (long) file.length)
                .executeUpdate();
        return id;
    }

    static RecordingContext contextOf(TenantId tenant, UUID sessionId, String track) {
        return new RecordingContext(tenant.toString(), sessionId.toString(), track, DATA_CLASS);
    }
}
