package io.vigil.audit.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.crypto.audit.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditSelfCheckTest {

    @Test
    void aConsistentLogPassesEveryStep() throws Exception {
        AuditFixture log = new AuditFixture(70);
        AuditSelfCheck.Result result = AuditSelfCheck.run(log.store, log.signer.key(), log.stored(64), log.stored(33),
                log.entries.get(40));
        assertTrue(result.passed(), result.findings().toString());
        assertTrue(result.findings().size() == 5, result.findings().toString());
    }

    @Test
    void aChangedSampleFailsAndTheFirstCheckpointSkipsConsistency() throws Exception {
        AuditFixture log = new AuditFixture(20);
        StoredEntry sample = log.entries.get(7);
        AuditEntry e = sample.entry();
        StoredEntry changed = new StoredEntry(AuditEntry.of(e.seq(), e.at(), e.tenantId(), e.actor(), "call.play",
                e.objectType(), e.objectId(), e.source(), e.outcome(), e.details()), sample.leafHash());
        AuditSelfCheck.Result result = AuditSelfCheck.run(log.store, log.signer.key(), log.stored(20), null, changed);
        assertFalse(result.passed());
        assertTrue(result.findings().stream().anyMatch(f -> f.startsWith("consistency: not checked")));
        assertTrue(result.findings().stream().anyMatch(f -> f.startsWith("FAILED  entry 7")), result.findings().toString());
    }

    @Test
    void aCheckpointOfADifferentTreeFails() throws Exception {
        AuditFixture log = new AuditFixture(20);
        byte[] wrongRoot = io.vigil.crypto.audit.TreeProofs.over(log.store).root(19);
        io.vigil.crypto.audit.SignedCheckpoint signed = io.vigil.crypto.audit.SignedCheckpoint.sign(
                new io.vigil.crypto.audit.Checkpoint("vigil/audit", 20, wrongRoot), log.signer);
        StoredCheckpoint foreign = new StoredCheckpoint(20, wrongRoot, signed.note(), java.time.Instant.now());
        AuditSelfCheck.Result result = AuditSelfCheck.run(log.store, log.signer.key(), foreign, null, null);
        assertFalse(result.passed(), "the signed root is not this store's root");
    }
}
