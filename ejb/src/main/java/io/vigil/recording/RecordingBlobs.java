package io.vigil.recording;

import io.vigil.crypto.blob.BlobId;
import io.vigil.crypto.blob.BlobStore;
import io.vigil.crypto.blob.FileSystemBlobStore;
import io.vigil.keys.KeyRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** The blob store holding encrypted recordings (setting {@code vigil.blob-dir}); ciphertext only. */
@Singleton
public class RecordingBlobs {

    @EJB
    private KeyRegistry registry;

    private BlobStore store;

    @PostConstruct
    void open() {
        try {
            store = FileSystemBlobStore.open(registry.settings().blobDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the blob store " + registry.settings().blobDir()
                    + ": check vigil.blob-dir and that the server may write there", e);
        }
    }

    public BlobStore store() {
        return store;
    }

    /** {@code recordings/<tenant>/<recording>.vgrc}: the tenant folder lets an operator see whose data is where. */
    static BlobId blobIdFor(String tenant, UUID recording) {
        return BlobId.of("recordings/" + tenant + "/" + recording + ".vgrc");
    }
}
