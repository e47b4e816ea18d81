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
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

    /** Stores a WAV file streamed from its source: a finished call's track, never held in memory whole. */
    public UUID record(TenantId tenant, UUID sessionId, String track, StreamedWav audio) {
        try (Pending out = begin(tenant, sessionId, track)) {
            audio.writeTo(out);
            return out.commit(audio.durationMs(), audio.format());
        } catch (IOException e) {
            throw new RecordingStoreException("The " + track + " recording of call " + sessionId
                    + " could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * Stores a complete WAV file as it is, e.g. one that carries a C2PA manifest (io.vigil.provenance signs before
     * the recording is encrypted, so playback and exports serve the signed file).
     */
    public UUID record(TenantId tenant, UUID sessionId, String track, byte[] file, long durationMs, String format) {
        try (Pending out = begin(tenant, sessionId, track)) {
            out.write(file);
            return out.commit(durationMs, format);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write recording of call " + sessionId + " to the blob store", e);
        }
    }

    /**
     * A recording written as a stream: the file's bytes go through {@link Pending#write} (encrypted a segment at a
     * time), then {@link Pending#commit} registers its data key and inserts its row in the caller's transaction.
     * Closed without a commit, the blob is deleted. Segments are not forced to disk one by one (a recording being
     * stored is not live: nothing is lost by a crash that its caller does not redo), only the whole file at commit.
     */
    public Pending begin(TenantId tenant, UUID sessionId, String track) {
        registry.ensureTenantKeys(tenant);
        UUID id = UUID.randomUUID();
        RecordingContext context = contextOf(tenant, sessionId, track);
        BlobId blob = RecordingBlobs.blobIdFor(tenant.toString(), id);
        LiveBlob file;
        try {
            file = blobs.store().create(blob);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write recording " + blob + " to the blob store", e);
        }
        try {
            RecordingWriter writer = RecordingWriter.create(new ForcedAtClose(file), registry.wrapper(tenant),
                    KeyRegistry.keyName(tenant, KeyDomain.AUDIO), context, SEGMENT_BYTES);
            return new Pending(tenant, sessionId, track, id, blob, context, writer);
        } catch (KeyProviderException e) {
            discard(file, blob);
            throw new KeyServiceException("Cannot issue a data key for the recording: " + e.getMessage(), e);
        } catch (IOException e) {
            discard(file, blob);
            throw new UncheckedIOException("Cannot write recording " + blob + " to the blob store", e);
        }
    }

    /** A recording being written; see {@link #begin}. */
    public final class Pending extends OutputStream {
        private final TenantId tenant;
        private final UUID sessionId;
        private final String track;
        private final UUID id;
        private final BlobId blob;
        private final RecordingContext context;
        private final RecordingWriter writer;
        private boolean committed;

        private Pending(TenantId tenant, UUID sessionId, String track, UUID id, BlobId blob, RecordingContext context,
                        RecordingWriter writer) {
            this.tenant = tenant;
            this.sessionId = sessionId;
            this.track = track;
            this.id = id;
            this.blob = blob;
            this.context = context;
            this.writer = writer;
        }

        @Override
        public void write(int b) throws IOException {
            writer.write(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            writer.write(bytes, offset, length);
        }

        /** Completes the file and records it; returns the recording's id. */
        public UUID commit(long durationMs, String format) throws IOException {
            writer.close();
            committed = true;
            UUID dataKey = inventory.register(tenant, KeyDomain.AUDIO, RecordingLibrary.OWNER_TYPE, id,
                    writer.wrappedKey(), context.associatedData());
            em.createNativeQuery("INSERT INTO recording (id, tenant_id, session_id, track, blob_id, data_key_id, key_ref,"
                            + " duration_ms, format, size_bytes, complete) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, true)")
                    .setParameter(1, id).setParameter(2, tenant.value()).setParameter(3, sessionId).setParameter(4, track)
                    .setParameter(5, blob.value()).setParameter(6, dataKey)
                    .setParameter(7, writer.keyReference().toString()).setParameter(8, durationMs)
                    .setParameter(9, format).setParameter(10, writer.bytesWritten())
                    .executeUpdate();
            return id;
        }

        /** Without a commit: the partial blob is removed. */
        @Override
        public void close() throws IOException {
            if (!committed) {
                try {
                    writer.close();
                } finally {
                    blobs.store().delete(blob);
                }
            }
        }
    }

    private void discard(LiveBlob file, BlobId blob) {
        try (file) {
            blobs.store().delete(blob);
        } catch (IOException e) {
            // nothing was written to it that anyone could read
        }
    }

    /** Passes writes through; forces them to disk only when closed. */
    private static final class ForcedAtClose extends FilterOutputStream {
        ForcedAtClose(LiveBlob out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // LiveBlob.flush forces to disk; LiveBlob.close does it once for the whole file
        }
    }

    static RecordingContext contextOf(TenantId tenant, UUID sessionId, String track) {
        return new RecordingContext(tenant.toString(), sessionId.toString(), track, DATA_CLASS);
    }
}
