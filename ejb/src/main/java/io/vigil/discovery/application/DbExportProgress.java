package io.vigil.discovery.application;

import io.vigil.crypto.bundle.EntryDigest;
import io.vigil.discovery.domain.ExportProgress;
import io.vigil.discovery.domain.StagedCall;
import io.vigil.tenancy.TenantId;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** An export's progress in the V14 tables: one committed row per staged call or file. */
final class DbExportProgress implements ExportProgress {

    private final ExportStore store;
    private final TenantId tenant;
    private final UUID exportId;
    private final BitSet staged;

    DbExportProgress(ExportStore store, TenantId tenant, UUID exportId) {
        this.store = store;
        this.tenant = tenant;
        this.exportId = exportId;
        this.staged = store.stagedOrdinals(exportId);
    }

    @Override
    public Optional<StagedCall> call(int ordinal) {
        return staged.get(ordinal) ? store.stagedCall(exportId, ordinal) : Optional.empty();
    }

    @Override
    public void callStaged(StagedCall call) {
        store.callStaged(exportId, call);
        staged.set(call.document().ordinal());
    }

    @Override
    public Optional<EntryDigest> file(String path) {
        return store.file(exportId, path);
    }

    @Override
    public void fileStaged(EntryDigest file) {
        store.fileStaged(tenant, exportId, file);
    }

    @Override
    public void forEachCall(Consumer<StagedCall> action) {
        int from = 0;
        while (true) {
            List<StagedCall> page = store.stagedPage(exportId, from);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(action);
            from = page.get(page.size() - 1).document().ordinal() + 1;
        }
    }
}
