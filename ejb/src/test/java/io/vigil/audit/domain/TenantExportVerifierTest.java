package io.vigil.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.crypto.audit.AuditExport;
import io.vigil.crypto.audit.CheckpointKey;
import io.vigil.crypto.audit.CheckpointSigner;
import io.vigil.crypto.audit.TreeProofs;
import java.io.BufferedReader;
import java.io.StringReader;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantExportVerifierTest {

    private AuditFixture log;
    private String note;
    private final StringBuilder entries = new StringBuilder();
    private final StringBuilder proofs = new StringBuilder();

    @BeforeEach
    void exportTenantA() throws Exception {
        log = new AuditFixture(100);
        note = log.sign(90).note();
        TreeProofs tree = TreeProofs.over(log.store);
        for (StoredEntry e : log.entries.subList(0, 90)) {
            if (AuditFixture.A.equals(e.entry().tenantId())) {
                entries.append(AuditExport.line(e.entry(), e.leafHash())).append('\n');
                proofs.append(AuditExportWriter.proofLine(tree.inclusion(e.entry().seq(), 90)));
            }
        }
    }

    private TenantExportVerifier.Report verify(String entryText, String proofText, String checkpoint, CheckpointKey key)
            throws Exception {
        return TenantExportVerifier.verify(new BufferedReader(new StringReader(entryText)),
                new BufferedReader(new StringReader(proofText)), checkpoint, key);
    }

    @Test
    void anUntouchedExportIsIntact() throws Exception {
        TenantExportVerifier.Report report = verify(entries.toString(), proofs.toString(), note, log.signer.key());
        assertTrue(report.intact(), report.toString());
        assertEquals(60, report.entries());
        assertEquals(90, report.treeSize());
    }

    @Test
    void oneChangedByteNamesTheEntry() throws Exception {
        String tampered = entries.toString().replace("\"object_id\":\"c-42\"", "\"object_id\":\"c-43\"");
        TenantExportVerifier.Report report = verify(tampered, proofs.toString(), note, log.signer.key());
        assertFalse(report.intact());
        assertEquals(java.util.List.of(42L), java.util.List.copyOf(report.failedEntries().keySet()));
        assertTrue(report.failedEntries().get(42L).startsWith("ALTERED"), report.failedEntries().toString());
    }

    @Test
    void aRemovedEntryAndAForeignKeyAreCaught() throws Exception {
        String[] lines = entries.toString().split("\n");
        String withoutFirst = entries.substring(lines[0].length() + 1);
        assertFalse(verify(withoutFirst, proofs.toString(), note, log.signer.key()).intact());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var other = generator.generateKeyPair();
        CheckpointKey foreign = CheckpointSigner.of(other.getPrivate(), other.getPublic()).key();
        TenantExportVerifier.Report report = verify(entries.toString(), proofs.toString(), note, foreign);
        assertFalse(report.signatureValid());
        assertFalse(report.intact());
    }

    @Test
    void anotherTenantsEntryCannotBePassedOffWithAWrongProof() throws Exception {
        StoredEntry foreign = log.entries.get(2);
        assertEquals(AuditFixture.B, foreign.entry().tenantId());
        String line = AuditExport.line(foreign.entry().withSeq(0), foreign.leafHash());
        String swapped = line + "\n" + entries.substring(entries.indexOf("\n") + 1);
        TenantExportVerifier.Report report = verify(swapped, proofs.toString(), note, log.signer.key());
        assertTrue(report.failedEntries().containsKey(0L), report.toString());
        assertTrue(UUID.fromString("00000000-0000-0000-0000-0000000000b2").equals(foreign.entry().tenantId()));
    }
}
