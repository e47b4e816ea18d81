package io.vigil.audit.domain;

import io.vigil.crypto.audit.InclusionProof;

/** An entry with its inclusion proof in a tree of {@code proof.treeSize()} entries. */
public record EntryProof(StoredEntry entry, InclusionProof proof) {
}
