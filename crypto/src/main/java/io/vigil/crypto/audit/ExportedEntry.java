package io.vigil.crypto.audit;

/**
 * One line of an audit export, read back: the entry, the leaf hash the log stored for it, and the entry's
 * canonical bytes (what its leaf hash must cover).
 */
public record ExportedEntry(AuditEntry entry, byte[] storedLeafHash, byte[] canonicalEntry) {
}
