package io.vigil.recording;

import io.vigil.crypto.blob.BlobId;
import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.recording.RecordingRewrap;
import io.vigil.keys.DataKeyHolder;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A recording keeps its wrapped data key in its own header (so a blob can be read without the database). This keeps
 * that copy in step with the inventory: rewrapped with it, and wiped when the key is shredded. Only the header is
 * rewritten; the encrypted segments are copied byte for byte, never decrypted.
 */
@Stateless
public class RecordingHeaderCopy implements DataKeyHolder {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private RecordingBlobs blobs;

    @Override
    public String ownerType() {
        return RecordingLibrary.OWNER_TYPE;
    }

    @Override
    public void rewrapCopy(TenantId tenant, UUID recording, DataKeyWrapper keys) {
        Object[] row = row(tenant, recording);
        BlobId blob = BlobId.of((String) row[0]);
        replace(blob, out -> {
            try (SeekableByteChannel source = blobs.store().open(blob)) {
                RecordingRewrap.rewrap(source, out, keys, CallRecorder.contextOf(tenant, (UUID) row[1], (String) row[2]));
            }
        });
        em.createNativeQuery("UPDATE recording SET key_ref = k.provider_id || ':' || k.key_id || '/v' || k.key_version"
                        + " FROM data_key k WHERE k.id = recording.data_key_id AND recording.id = ?1")
                .setParameter(1, recording).executeUpdate();
    }

    /**
     * Overwrites the header with zeros, keeping the segments: without the wrapped key no one can derive the segment
     * key, and the blob's size and offsets stay as they were. The header length is the u16 at offset 5 of the
     * format (docs/recording-format.md).
     */
    @Override
    public void shredCopy(TenantId tenant, UUID recording) {
        BlobId blob = BlobId.of((String) row(tenant, recording)[0]);
        replace(blob, out -> {
            try (SeekableByteChannel source = blobs.store().open(blob)) {
                ByteBuffer fixed = ByteBuffer.allocate(7);
                while (fixed.hasRemaining() && source.read(fixed) >= 0) {
                    // a header is at least 7 bytes; a shorter blob is wiped whole below
                }
                int headerLength = fixed.position() == 7 ? Math.min(fixed.getShort(5) & 0xFFFF, (int) source.size()) : (int) source.size();
                out.write(new byte[headerLength]);
                source.position(headerLength);
                try (InputStream rest = java.nio.channels.Channels.newInputStream(source)) {
                    rest.transferTo(out);
                }
            }
        });
    }

    private Object[] row(TenantId tenant, UUID recording) {
        return (Object[]) em.createNativeQuery("SELECT blob_id, session_id, track FROM recording WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, tenant.value()).setParameter(2, recording).getSingleResult();
    }

    private interface BlobRewrite {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the new content to a temporary file, then replaces the blob atomically (the store's put). */
    private void replace(BlobId blob, BlobRewrite rewrite) {
        Path temp = null;
        try {
            temp = Files.createTempFile("vigil-rewrite", ".vgrc");
            try (OutputStream out = Files.newOutputStream(temp)) {
                rewrite.writeTo(out);
            }
            try (InputStream in = Files.newInputStream(temp)) {
                blobs.store().put(blob, in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rewrite the header of " + blob, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temporary file holds only ciphertext
                }
            }
        }
    }
}
