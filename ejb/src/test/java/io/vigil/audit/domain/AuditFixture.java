package io.vigil.audit.domain;

import io.vigil.crypto.audit.AuditEntry;
import io.vigil.crypto.audit.AuditLogWriter;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.crypto.audit.CheckpointSigner;
import io.vigil.crypto.audit.InMemoryAuditTreeStore;
import io.vigil.crypto.audit.SignedCheckpoint;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A log of {@code n} entries in memory, every third one of tenant B, the rest of tenant A, and a signing key. */
final class AuditFixture {

    static final UUID A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

    final InMemoryAuditTreeStore store = new InMemoryAuditTreeStore();
    final AuditLogWriter writer = AuditLogWriter.open(store);
    final List<StoredEntry> entries = new ArrayList<>();
    final CheckpointSigner signer;

    AuditFixture(int n) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        signer = CheckpointSigner.of(pair.getPrivate(), pair.getPublic());
        for (int i = 0; i < n; i++) {
            AuditEntry entry = AuditEntry.of(i, Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i), i % 3 == 2 ? B : A,
                    "user:u" + (i % 5), "call.view", "call_session", "c-" + i, "192.0.2." + (i % 250), AuditOutcome.SUCCESS,
                    Map.of("via", "api"));
            entries.add(new StoredEntry(entry, writer.append(entry)));
        }
    }

    SignedCheckpoint sign(long size) throws Exception {
        return SignedCheckpoint.sign(new io.vigil.crypto.audit.Checkpoint("vigil/audit", size,
                io.vigil.crypto.audit.TreeProofs.over(store).root(size)), signer);
    }

    StoredCheckpoint stored(long size) throws Exception {
        SignedCheckpoint signed = sign(size);
        return new StoredCheckpoint(size, signed.checkpoint().root(), signed.note(), Instant.now());
    }
}
