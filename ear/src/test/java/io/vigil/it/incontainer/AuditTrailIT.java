package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.audit.domain.AuditRows;
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
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import java.util.concurrent.Future;
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

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

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

    /** The entry the log gave the event about {@code objectId}, after sequencing what is queued. */
    private AuditEntry logged(String objectId) throws SQLException {
        trail.flush();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq FROM audit_entry WHERE object_id = ?")) {
            s.setString(1, objectId);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "no entry for " + objectId);
                long seq = r.getLong(1);
                assertFalse(r.next(), "one entry for " + objectId);
                return new AuditRows(c).entry(seq).orElseThrow().entry();
            }
        }
    }

    private long queued() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM audit_queue")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void appendsGetConsecutiveSeqInCallOrder() throws SQLException {
        String run = unique();
        trail.recordAll(List.of(event(run + "-0"), event(run + "-1"), event(run + "-2")));
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(logged(run + "-" + i));
        }
        trail.record(event(run + "-3"));
        entries.add(logged(run + "-3"));
        trail.recordFailure(event(run + "-4"));
        entries.add(logged(run + "-4"));
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(entries.get(i - 1).seq() < entries.get(i).seq(), "later records get later places");
        }
        for (int i = 1; i < 3; i++) {
            assertEquals(entries.get(i - 1).seq() + 1, entries.get(i).seq(), "one call's events are consecutive");
        }
        assertEquals("Audit Test", entries.get(0).details().get(AuditEvent.ACTOR_NAME), "the actor's name travels with it");
        assertEquals("192.0.2.10", entries.get(0).source());
    }

    @Test
    void concurrentSingleAppendsAllLandWithoutGapsOrDuplicates() throws Exception {
        String run = unique();
        long before = trail.size();
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            writers.add(executor.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    trail.record(event(run + "-" + thread + "-" + i));
                }
                return null;
            }));
        }
        for (Future<?> w : writers) {
            w.get();
        }
        long after = trail.size();
        assertEquals(0, queued(), "reading the size sequenced everything committed");
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*), count(DISTINCT seq), min(seq), max(seq)"
                     + " FROM audit_entry WHERE object_id LIKE ?")) {
            s.setString(1, run + "-%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(300, r.getLong(1), "every committed event is in the log");
                assertEquals(300, r.getLong(2), "each in its own place");
                assertTrue(r.getLong(3) >= before && r.getLong(4) < after);
            }
        }
        StoredCheckpoint checkpoint = trail.checkpointNow().orElseThrow();
        assertEquals(after, checkpoint.size());
        AuditEntry last = logged(run + "-5-49");
        EntryProof proof = trail.inclusion(acme(), last.seq(), checkpoint.size()).orElseThrow();
        assertTrue(ProofVerifier.create().verifyInclusion(proof.proof(), proof.entry().leafHash(),
                checkpoint.signed().checkpoint().root()));
    }

    @Test
    void proofsVerifyAgainstSignedCheckpoints() throws SQLException {
        String run = unique();
        trail.record(event(run + "-a"));
        StoredCheckpoint before = trail.checkpointNow().orElseThrow();
        AuditEntry first = logged(run + "-a");
        assertTrue(first.seq() < before.size(), "a checkpoint covers everything committed before it was asked for");
        trail.recordAll(List.of(event(run + "-b"), event(run + "-c"), event(run + "-d")));
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
        for (String suffix : List.of("-b", "-c", "-d")) {
            all.add(logged(run + suffix));
        }
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
    void aRolledBackRecordLeavesNoTraceButAFailureStays() throws Exception {
        String run = unique();
        long size = trail.size();
        transaction.begin();
        trail.record(event(run + "-rolled-back"));
        transaction.rollback();
        assertEquals(size, trail.size(), "the event went with its transaction");
        assertEquals(0, queued());

        transaction.begin();
        trail.recordFailure(event(run + "-failure"));
        transaction.rollback();
        assertEquals(size, logged(run + "-failure").seq(), "the failure was committed on its own, without a gap");

        trail.record(event(run + "-next"));
        AuditEntry next = logged(run + "-next");
        StoredCheckpoint checkpoint = trail.checkpointNow().orElseThrow();
        EntryProof proof = trail.inclusion(acme(), next.seq(), checkpoint.size()).orElseThrow();
        assertTrue(ProofVerifier.create().verifyInclusion(proof.proof(), proof.entry().leafHash(),
                checkpoint.signed().checkpoint().root()));
    }

    @Test
    void queuedEventsOnlyLeaveBySequencing() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : List.of("DELETE FROM audit_queue", "TRUNCATE audit_queue", "UPDATE audit_queue SET actor = 'x'")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
            }
        }
    }

    @Test
    void theDatabaseRefusesUpdateAndDelete() throws SQLException {
        String id = unique();
        trail.record(event(id));
        AuditEntry entry = logged(id);
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
        String id = unique();
        trail.record(event(id));
        trail.record(event(unique()));
        AuditEntry target = logged(id);
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
