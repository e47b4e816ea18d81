package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.audit.domain.EntryProof;
import io.vigil.audit.domain.StoredCheckpoint;
import io.vigil.crypto.audit.AuditEntry;
import io.vigil.crypto.audit.AuditExport;
import io.vigil.crypto.audit.AuditLogVerifier;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.crypto.audit.CheckpointKey;
import io.vigil.crypto.audit.ProofVerifier;
import io.vigil.crypto.audit.SignedCheckpoint;
import io.vigil.crypto.audit.TreeHasher;
import io.vigil.crypto.audit.VerificationReport;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit trail inside Payara, on the real PostgreSQL: order, proofs, append-only storage, and tampering found. */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    @EJB
    private AuditTrail trail;

    @EJB
    private TenantDirectory tenants;

    @Resource(lookup = "jdbc/vigil")
    private DataSource db;

    @Resource(lookup = "java:comp/UserTransaction")
    private UserTransaction transaction;

    private TenantId acme() {
        return new TenantId(tenants.bySlug("acme-bank").orElseThrow().id());
    }

    private AuditEvent event(String objectId) {
        return new AuditEvent(acme().value(), AuditActor.user("it-" + objectId, "Audit Test"), "test.touch", "test_object",
                objectId, "192.0.2.10", AuditOutcome.SUCCESS, Map.of("run", objectId));
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    @Test
    void appendsGetConsecutiveSeqInCallOrder() throws SQLException {
        String run = unique();
        List<AuditEntry> entries = new ArrayList<>(trail.recordAll(List.of(event(run + "-0"), event(run + "-1"), event(run + "-2"))));
        entries.add(trail.record(event(run + "-3")));
        entries.add(trail.recordFailure(event(run + "-4")));
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(entries.get(i - 1).seq() + 1, entries.get(i).seq(), "seq without gaps, in order");
        }
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT object_id FROM audit_entry WHERE seq >= ? ORDER BY seq LIMIT 5")) {
            s.setLong(1, entries.get(0).seq());
            try (ResultSet r = s.executeQuery()) {
                for (int i = 0; i < 5; i++) {
                    assertTrue(r.next());
                    assertEquals(run + "-" + i, r.getString(1));
                }
            }
        }
    }

    @Test
    void proofsVerifyAgainstSignedCheckpoints() {
        String run = unique();
        AuditEntry first = trail.record(event(run + "-a"));
        StoredCheckpoint before = trail.checkpointNow().orElseThrow();
        List<AuditEntry> more = trail.recordAll(List.of(event(run + "-b"), event(run + "-c"), event(run + "-d")));
        StoredCheckpoint after = trail.checkpointNow().orElseThrow();
        assertTrue(after.size() > before.size());

        CheckpointKey key = trail.key();
        SignedCheckpoint signedBefore = before.signed();
        SignedCheckpoint signedAfter = after.signed();
        assertTrue(signedBefore.verifiedBy(key) && signedAfter.verifiedBy(key), "both checkpoints carry Vigil's signature");
        ProofVerifier verifier = ProofVerifier.create();
        assertTrue(verifier.verifyConsistency(trail.consistency(before.size(), after.size()),
                signedBefore.checkpoint().root(), signedAfter.checkpoint().root()), "the later tree extends the earlier one");

        List<AuditEntry> all = new ArrayList<>(List.of(first));
        all.addAll(more);
        for (AuditEntry entry : all) {
            EntryProof proof = trail.inclusion(acme(), entry.seq(), after.size()).orElseThrow();
            byte[] leaf = TreeHasher.create().leaf(proof.entry().entry().canonicalBytes());
            assertArrayEquals(leaf, proof.entry().leafHash(), "the stored columns re-hash to the stored leaf");
            assertTrue(verifier.verifyInclusion(proof.proof(), leaf, signedAfter.checkpoint().root()), "entry " + entry.seq());
        }
        TenantId northwind = new TenantId(tenants.bySlug("northwind-health").orElseThrow().id());
        assertTrue(trail.inclusion(northwind, first.seq(), after.size()).isEmpty(), "another tenant's entry is not shown");
        assertTrue(trail.verifyLatest(acme()).orElseThrow().passed(), "the console's verify-now passes");
    }

    @Test
    void aRolledBackAppendLeavesNoTraceButAFailureStays() throws Exception {
        String run = unique();
        long size = trail.size();
        transaction.begin();
        trail.record(event(run + "-rolled-back"));
        transaction.rollback();
        assertEquals(size, trail.size(), "the entry went with its transaction");

        transaction.begin();
        AuditEntry failure = trail.recordFailure(event(run + "-failure"));
        transaction.rollback();
        assertEquals(size, failure.seq(), "the rolled-back seq is reused: no gap");
        assertEquals(size + 1, trail.size(), "the failure was committed on its own");

        AuditEntry next = trail.record(event(run + "-next"));
        StoredCheckpoint checkpoint = trail.checkpointNow().orElseThrow();
        EntryProof proof = trail.inclusion(acme(), next.seq(), checkpoint.size()).orElseThrow();
        assertTrue(ProofVerifier.create().verifyInclusion(proof.proof(), proof.entry().leafHash(),
                checkpoint.signed().checkpoint().root()), "the writer's frontier was rebuilt after the rollback");
    }

    @Test
    void theDatabaseRefusesUpdateAndDelete() throws SQLException {
        AuditEntry entry = trail.record(event(unique()));
        trail.checkpointNow();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "UPDATE audit_entry SET actor = 'user:someone-else' WHERE seq = " + entry.seq(),
                    "DELETE FROM audit_entry WHERE seq = " + entry.seq(),
                    "TRUNCATE audit_entry",
                    "UPDATE audit_node SET hash = hash WHERE level = 1",
                    "DELETE FROM audit_checkpoint",
                    "UPDATE audit_checkpoint SET signed_note = signed_note")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
    }

    @Test
    void theVerifierPinpointsAByteChangedBySomeoneWhoDisabledTheTriggers() throws Exception {
        AuditEntry target = trail.record(event(unique()));
        trail.record(event(unique()));
        StoredCheckpoint checkpoint = trail.checkpointNow().orElseThrow();
        String original = target.actor();
        String altered = "X" + original.substring(1);
        rewriteActor(target.seq(), altered);
        try {
            ByteArrayOutputStream entries = new ByteArrayOutputStream();
            trail.exportAllEntries(checkpoint.size(), entries);
            List<String> notes = AuditExport.splitCheckpoints(trail.checkpointsFile(checkpoint.size()));
            VerificationReport report = AuditLogVerifier.verify(new ByteArrayInputStream(entries.toByteArray()), notes,
                    trail.key(), null);
            assertFalse(report.intact());
            assertEquals(List.of(target.seq()), List.copyOf(report.alteredEntries().keySet()), report.toString());
        } finally {
            rewriteActor(target.seq(), original);
        }
        ByteArrayOutputStream restored = new ByteArrayOutputStream();
        trail.exportAllEntries(checkpoint.size(), restored);
        assertTrue(AuditLogVerifier.verify(new ByteArrayInputStream(restored.toByteArray()),
                AuditExport.splitCheckpoints(trail.checkpointsFile(checkpoint.size())), trail.key(), null).intact());
    }

    /** What a superuser (or the tables' owner) can do: switch the guard off, change a row, switch it on again. */
    private void rewriteActor(long seq, String actor) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                 PreparedStatement update = c.prepareStatement("UPDATE audit_entry SET actor = ? WHERE seq = ?")) {
                s.execute("ALTER TABLE audit_entry DISABLE TRIGGER ALL");
                update.setString(1, actor);
                update.setLong(2, seq);
                assertEquals(1, update.executeUpdate());
                s.execute("ALTER TABLE audit_entry ENABLE TRIGGER ALL");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
