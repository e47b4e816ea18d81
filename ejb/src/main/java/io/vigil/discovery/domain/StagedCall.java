package io.vigil.discovery.domain;

import io.vigil.crypto.bundle.EntryDigest;
import java.util.List;

/** A call whose files are staged: its document record and its files' digests, in bundle order. */
public record StagedCall(ExportDocument document, List<EntryDigest> files) {

    public StagedCall {
        files = List.copyOf(files);
    }
}
