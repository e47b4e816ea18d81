package io.vigil.discovery.domain;

import io.vigil.crypto.bundle.EntryDigest;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What an export has durably finished, so a restarted export carries on where it stopped. A call or file is
 * recorded only after its bytes are safely staged; whatever is not recorded is (re)written from scratch.
 */
public interface ExportProgress {

    Optional<StagedCall> call(int ordinal);

    void callStaged(StagedCall call);

    Optional<EntryDigest> file(String path);

    void fileStaged(EntryDigest file);

    /** Every staged call in production order. */
    void forEachCall(Consumer<StagedCall> action);
}
