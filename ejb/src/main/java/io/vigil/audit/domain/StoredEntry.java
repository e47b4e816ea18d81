package io.vigil.audit.domain;

import io.vigil.crypto.audit.AuditEntry;

/** An entry as the database holds it: its columns as an {@link AuditEntry} and the leaf hash appended for it. */
public record StoredEntry(AuditEntry entry, byte[] leafHash) {
}
