package io.vigil.recording;

import io.vigil.crypto.blob.BlobId;
import io.vigil.crypto.blob.BlobStore;
import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.recording.RecordingRewrap;
import io.vigil.keys.DataKeyHolder;
import io.vigil.session.pipeline.AudioSink;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.UUID;

/**
 * A live blob's header holds its own copy of the track's wrapped data key (the recording format needs it to be read
 * without the database). Shredding wipes that header, so the blob is unreadable, whether the call still runs (its
 * recording then cannot be completed, and none is stored) or the blob was left by a crash. Rewrapping rewrites the
 * header of a blob that is no longer written; the blob of a call still live keeps its wrap under the older version,
 * and is read back at the call's end with the inventory's copy instead ({@link LiveRecorder.LiveKeys#current}).
 */
abstract class LiveBlobKeyCopy implements DataKeyHolder {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private RecordingBlobs blobs;

    abstract AudioSink.Track track();

    @Override
    public String ownerType() {
        return LiveTrackKeys.ownerType(track());
    }

    @Override
    public void rewrapCopy(TenantId tenant, UUID session, DataKeyWrapper keys) {
        BlobId blob = LiveRecorder.liveBlob(tenant, session, track());
        try {
            if (!blobs.store().exists(blob) || stillLive(tenant, session)) {
                return;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (SeekableByteChannel source = blobs.store().open(blob)) {
                RecordingRewrap.rewrap(source, out, keys, LiveRecorder.liveContext(tenant, session, track()));
            }
            blobs.store().put(blob, new java.io.ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rewrap the header of " + blob, e);
        }
    }

    /** Zeroes the header in place (the u16 at offset 5 is its length), keeping the encrypted segments as they are. */
    @Override
    public void shredCopy(TenantId tenant, UUID session) {
        BlobId blob = LiveRecorder.liveBlob(tenant, session, track());
        BlobStore store = blobs.store();
        try {
            if (!store.exists(blob)) {
                return;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (SeekableByteChannel source = store.open(blob)) {
                ByteBuffer fixed = ByteBuffer.allocate(7);
                while (fixed.hasRemaining() && source.read(fixed) >= 0) {
                    // a header is at least 7 bytes; a shorter blob is wiped whole
                }
                int header = fixed.position() == 7 ? Math.min(fixed.getShort(5) & 0xFFFF, (int) source.size())
                        : (int) source.size();
                out.write(new byte[header]);
                source.position(header);
                try (InputStream rest = Channels.newInputStream(source)) {
                    rest.transferTo(out);
                }
            }
            store.put(blob, new java.io.ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot wipe the header of " + blob, e);
        }
    }

    private boolean stillLive(TenantId tenant, UUID session) {
        return !em.createNativeQuery("SELECT 1 FROM call_session WHERE tenant_id = ?1 AND id = ?2 AND status = 'LIVE'")
                .setParameter(1, tenant.value()).setParameter(2, session).getResultList().isEmpty();
    }
}
