package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.audit.domain.AuditActor;
import io.vigil.crypto.recording.RecordingFormatException;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.discovery.application.ExportFiles;
import io.vigil.keys.KeyRegistry;
import io.vigil.provenance.ProvenanceSigning;
import io.vigil.recording.CallRecorder;
import io.vigil.recording.RecordingLibrary;
import io.vigil.redaction.application.BreakGlassRefused;
import io.vigil.redaction.application.OriginalTranscripts;
import io.vigil.retention.LegalHolds;
import io.vigil.retention.RetentionPolicyBook;
import io.vigil.retention.RetentionSweeps;
import io.vigil.retention.application.SweepBatch;
import io.vigil.retention.application.SweepPlanner;
import io.vigil.retention.application.SweepWorker;
import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.HoldRejected;
import io.vigil.retention.domain.HoldScope;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.retention.domain.RetentionPolicy;
import io.vigil.retention.domain.SweepClassResult;
import io.vigil.retention.domain.SweepMode;
import io.vigil.retention.domain.SweepRun;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention against real PostgreSQL, keys and blobs: a held call keeps every artifact while its un-held neighbour
 * loses each one, dry runs agree with applies, a policy change moves due dates, releases need two people, and new
 * calls fall under a live hold. Each test has a tenant of its own.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionSweepIT {

    private static final AuditActor ADMIN = AuditActor.user("it-admin", "IT administrator");
    private static final AuditActor LEGAL_A = AuditActor.user("it-legal-a", "IT counsel A");
    private static final AuditActor LEGAL_B = AuditActor.user("it-legal-b", "IT counsel B");

    @EJB
    private KeyRegistry keys;
    @EJB
    private CallRecorder recorder;
    @EJB
    private OriginalTranscripts originals;
    @EJB
    private RecordingLibrary library;
    @EJB
    private RetentionPolicyBook book;
    @EJB
    private RetentionSweeps sweeps;
    @EJB
    private LegalHolds holds;
    @EJB
    private SweepPlanner planner;
    @EJB
    private SweepBatch batch;
    @EJB
    private SweepWorker worker;
    @EJB
    private io.vigil.audit.AuditTrail trail;
    @EJB
    private ProvenanceSigning provenance;
    @Resource(lookup = "jdbc/vigil")
    private DataSource db;

    private RetentionFixture fixture() {
        return RetentionFixture.create(db, keys, recorder, originals);
    }

    /** Every class due after {@code days}, with the given actions for the two classes that have a choice. */
    private void policies(RetentionFixture f, int days, RetentionAction callerAudio, RetentionAction metadata) {
        book.seedDefaults(f.tenant, ADMIN);
        for (DataClass c : DataClass.values()) {
            RetentionAction action = switch (c) {
                case RAW_CALLER_AUDIO -> callerAudio;
                case RAW_AGENT_AUDIO, EXPORTS, REDACTED_TRANSCRIPT, ANNOTATIONS -> RetentionAction.DELETE;
                case SESSION_METADATA -> metadata;
                default -> RetentionAction.CRYPTO_SHRED;
            };
            book.save(f.tenant, new RetentionPolicy("standard", c, "*", days, action), ADMIN);
        }
        book.removeOverride(f.tenant, "standard", DataClass.RAW_CALLER_AUDIO, "EU", ADMIN);
    }

    private UUID holdOn(RetentionFixture f, UUID call) {
        return holds.create(f.tenant, LEGAL_A, "Matter " + call, "REF-" + call, "test", HoldScope.calls(List.of(call)));
    }

    private boolean opens(RetentionFixture f, UUID recording) throws Exception {
        try (RecordingReader reader = library.open(f.tenant, recording).orElseThrow()) {
            return reader != null;
        }
    }

    private void assertKeepsEverything(RetentionFixture f, UUID call) throws Exception {
        for (String track : List.of("caller", "agent", "redacted")) {
            assertTrue(opens(f, f.recording(call, track)), track + " recording of the held call still plays");
        }
        assertEquals(List.of("my card is 4111 1111 1111 1111"),
                originals.reveal(f.tenant, call, LEGAL_A, "legal hold check in the retention test"));
        assertEquals(1, f.count("SELECT count(*) FROM transcript_segment WHERE session_id = ?", call));
        assertEquals(1, f.count("SELECT count(*) FROM annotation WHERE session_id = ?", call));
        assertEquals("lookup", f.text("SELECT payload->>'name' FROM session_event WHERE session_id = ?", call));
        assertEquals("said the card number", f.text("SELECT evidence FROM flag WHERE session_id = ?", call));
        assertEquals("c".repeat(64), f.text("SELECT caller_ref_hash FROM call_session WHERE id = ?", call));
    }

    /** The signed copy still plays and its C2PA record is still on the call page. */
    private void assertKeepsSignedCopy(RetentionFixture f, UUID call, UUID signedCopy) throws Exception {
        assertTrue(opens(f, signedCopy), "the signed copy of the held call still plays");
        assertEquals(List.of(signedCopy), provenance.forSession(f.tenant, call).stream()
                .map(io.vigil.provenance.RecordingProvenance::recordingId).toList(), "its C2PA record stays");
    }

    private String exportState(RetentionFixture f, UUID export) {
        return f.text("SELECT state FROM export_request WHERE id = ?", export);
    }

    private boolean bundleExists(RetentionFixture f, UUID export) {
        return Files.exists(ExportFiles.bundle(f.tenant, export, false));
    }

    @Test
    void aHeldCallKeepsEveryArtifactWhileItsNeighbourLosesEachOne() throws Exception {
        RetentionFixture f = fixture();
        policies(f, 30, RetentionAction.CRYPTO_SHRED, RetentionAction.ANONYMISE);
        book.save(f.tenant, new RetentionPolicy("standard", DataClass.EXPORTS, "*", 30, RetentionAction.CRYPTO_SHRED), ADMIN);
        UUID held = f.call(400, null);
        UUID neighbour = f.call(400, null);
        holdOn(f, held);
        UUID callerAudio = f.recording(neighbour, "caller");
        UUID redactedAudio = f.recording(neighbour, "redacted");
        UUID heldCopy = f.signedCopy(provenance, held);
        UUID neighbourCopy = f.signedCopy(provenance, neighbour);
        UUID exportWithHeldCall = f.export(200, neighbour, held);
        UUID exportOfNeighbour = f.export(200, neighbour);

        SweepRun run = sweeps.runNow(f.tenant, SweepMode.APPLY, null, ADMIN);
        assertEquals("COMPLETED", run.state(), String.valueOf(run.lastError()));

        assertKeepsEverything(f, held);
        // the neighbour, artifact by artifact
        assertTrue(f.keyShredded(RecordingLibrary.OWNER_TYPE, callerAudio), "raw caller audio crypto-shredded");
        RecordingFormatException shredded = assertThrows(RecordingFormatException.class, () -> library.open(f.tenant, callerAudio));
        assertEquals(RecordingFormatException.Reason.SHREDDED, shredded.reason());
        assertEquals(0, f.count("SELECT count(*) FROM recording WHERE session_id = ? AND track = 'agent'", neighbour),
                "raw agent audio deleted");
        assertTrue(f.keyShredded(RecordingLibrary.OWNER_TYPE, redactedAudio), "redacted audio crypto-shredded");
        assertThrows(BreakGlassRefused.class, () -> originals.reveal(f.tenant, neighbour, LEGAL_A, "retention test after the sweep"),
                "original transcript crypto-shredded");
        assertEquals(0, f.count("SELECT count(*) FROM transcript_segment WHERE session_id = ?", neighbour), "transcript deleted");
        assertEquals(0, f.count("SELECT count(*) FROM annotation WHERE session_id = ?", neighbour), "annotations deleted");
        assertEquals("{}", f.text("SELECT payload::text FROM session_event WHERE session_id = ?", neighbour), "events anonymised");
        assertEquals("", f.text("SELECT evidence FROM flag WHERE session_id = ?", neighbour), "flag evidence anonymised");
        assertEquals("0".repeat(64), f.text("SELECT caller_ref_hash FROM call_session WHERE id = ?", neighbour));
        assertTrue(f.keyShredded(RecordingLibrary.OWNER_TYPE, neighbourCopy), "the signed copy is crypto-shredded");
        assertTrue(provenance.forSession(f.tenant, neighbour).isEmpty(), "and its C2PA record is gone");
        assertKeepsSignedCopy(f, held, heldCopy);
        assertEquals("EXPIRED", exportState(f, exportOfNeighbour), "the export of the un-held call expired");
        assertFalse(bundleExists(f, exportOfNeighbour), "its bundle is removed");
        assertEquals("DONE", exportState(f, exportWithHeldCall), "an export with a held call is kept");
        assertTrue(bundleExists(f, exportWithHeldCall));

        Map<DataClass, Long> counts = run.classes().stream().collect(Collectors.groupingBy(SweepClassResult::dataClass,
                Collectors.summingLong(SweepClassResult::artifacts)));
        assertEquals(3L, counts.get(DataClass.RAW_CALLER_AUDIO), "caller track, signed mixed recording, its C2PA record");
        assertEquals(1L, counts.get(DataClass.EXPORTS));
        assertEquals(1L, counts.get(DataClass.SESSION_METADATA));
        assertTrue(run.certified());
        RetentionSweeps.SignedCertificate certificate = sweeps.certificate(f.tenant, run.id()).orElseThrow();
        assertTrue(certificate.certificate().contains("\"mode\":\"APPLY\""), certificate.certificate());
        assertFalse(certificate.certificate().contains(neighbour.toString()), "the certificate names no identifier");
        java.security.Signature verify = java.security.Signature.getInstance("SHA256withECDSA");
        verify.initVerify(io.vigil.crypto.audit.CheckpointKey.fromPem(certificate.publicKeyPem()).publicKey());
        verify.update(certificate.certificate().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(verify.verify(certificate.signature()), "the certificate's signature verifies with the tenant key");

        assertTrue(sweeps.runNow(f.tenant, SweepMode.DRY_RUN, null, ADMIN).artifacts() == 0,
                "a second sweep finds nothing: the held call stays out");
    }

    @Test
    void deletingCallsTakesEverythingButTheHeldCall() throws Exception {
        RetentionFixture f = fixture();
        policies(f, 30, RetentionAction.DELETE, RetentionAction.DELETE);
        UUID held = f.call(400, null);
        UUID neighbour = f.call(400, null);
        holdOn(f, held);
        UUID heldCopy = f.signedCopy(provenance, held);
        UUID neighbourCopy = f.signedCopy(provenance, neighbour);
        UUID exportWithHeldCall = f.export(200, held, neighbour);
        UUID exportOfNeighbour = f.export(200, neighbour);
        List<UUID> tracks = List.of(f.recording(neighbour, "caller"), f.recording(neighbour, "agent"),
                f.recording(neighbour, "redacted"), neighbourCopy);

        assertEquals("COMPLETED", sweeps.runNow(f.tenant, SweepMode.APPLY, null, ADMIN).state());

        assertKeepsEverything(f, held);
        assertKeepsSignedCopy(f, held, heldCopy);
        assertEquals("DONE", exportState(f, exportWithHeldCall));
        assertTrue(bundleExists(f, exportWithHeldCall));
        assertEquals(0, f.count("SELECT count(*) FROM export_request WHERE id = ?", exportOfNeighbour), "the export is deleted");
        assertFalse(bundleExists(f, exportOfNeighbour));
        assertEquals(0, f.count("SELECT count(*) FROM recording_provenance WHERE session_id = ?", neighbour));
        assertEquals(f.count("SELECT count(*) FROM call_session WHERE tenant_id = ?", f.tenant.value()),
                f.count("SELECT COALESCE(sum(calls), 0) FROM call_daily_count WHERE tenant_id = ?", f.tenant.value()),
                "the calls list's daily counts follow the deleted calls");
        assertEquals(0, f.count("SELECT count(*) FROM call_session WHERE id = ?", neighbour));
        assertEquals(0, f.count("SELECT count(*) FROM recording WHERE session_id = ?", neighbour));
        for (UUID track : tracks) {
            assertTrue(f.keyShredded(RecordingLibrary.OWNER_TYPE, track), "every key is shredded before its call goes");
        }
        assertTrue(f.keyShredded(OriginalTranscripts.OWNER_TYPE, neighbour));
        assertEquals(0, f.count("SELECT count(*) FROM transcript_original WHERE session_id = ?", neighbour));
    }

    @Test
    void anExportIsDueOnceEveryCallInItIsCountingFromWhenItWasMade() throws Exception {
        RetentionFixture f = fixture();
        policies(f, 30, RetentionAction.CRYPTO_SHRED, RetentionAction.ANONYMISE);
        book.save(f.tenant, new RetentionPolicy("standard", DataClass.EXPORTS, "US", 100, RetentionAction.DELETE), ADMIN);
        UUID old = f.call(400, null);
        UUID american = f.call(400, "US");
        UUID withAnAmericanCall = f.export(40, old, american);
        UUID madeLastWeek = f.export(7, old);
        UUID due = f.export(40, old);
        UUID gone = f.call(400, null);
        UUID ofADeletedCall = f.export(7, gone);
        f.update("DELETE FROM call_session WHERE id = ?", gone); // as a sweep deletes a call's metadata

        SweepRun run = sweeps.runNow(f.tenant, SweepMode.APPLY, null, ADMIN);

        assertEquals("COMPLETED", run.state(), String.valueOf(run.lastError()));
        assertEquals(0, f.count("SELECT count(*) FROM export_request WHERE id = ?", due));
        assertFalse(bundleExists(f, due));
        assertEquals("DONE", exportState(f, withAnAmericanCall), "the US call's exports are kept 100 days");
        assertEquals("DONE", exportState(f, madeLastWeek), "the export's own period has not passed");
        assertTrue(bundleExists(f, withAnAmericanCall) && bundleExists(f, madeLastWeek));
        assertEquals(0, f.count("SELECT count(*) FROM export_request WHERE id = ?", ofADeletedCall),
                "a copy of calls retention deleted does not outlive them");
    }

    @Test
    void aCallersCountrySetsItsJurisdictionAndItsOverrideAppliesToItAlone() throws Exception {
        RetentionFixture f = fixture();
        book.seedDefaults(f.tenant, ADMIN); // raw caller audio: 90 days, 30 in the EU
        UUID paris = f.admitted("+33 1 42 68 53 00", 60);
        UUID newYork = f.admitted("+1 212 736 3100", 60);
        assertEquals("EU", f.text("SELECT jurisdiction FROM call_session WHERE id = ?", paris));
        assertEquals("US", f.text("SELECT jurisdiction FROM call_session WHERE id = ?", newYork));

        SweepRun run = sweeps.runNow(f.tenant, SweepMode.APPLY, null, ADMIN);

        assertEquals("COMPLETED", run.state(), String.valueOf(run.lastError()));
        assertEquals(1, run.artifacts(), "only the EU caller's audio is due at 60 days");
        assertTrue(f.keyShredded(RecordingLibrary.OWNER_TYPE, f.recording(paris, "caller")));
        assertTrue(opens(f, f.recording(newYork, "caller")), "the same audio of a US caller is kept for 90 days");
        assertTrue(opens(f, f.recording(paris, "agent")), "the override is for the caller's audio only");
    }

    @Test
    void aDryRunListsExactlyWhatTheApplyExpires() {
        RetentionFixture f = fixture();
        policies(f, 30, RetentionAction.CRYPTO_SHRED, RetentionAction.ANONYMISE);
        UUID held = f.call(100, null);
        f.call(100, null);
        f.call(100, "EU");
        f.call(10, null); // not due
        holdOn(f, held);
        Instant asOf = Instant.now();

        SweepRun dry = sweeps.runNow(f.tenant, SweepMode.DRY_RUN, asOf, ADMIN);
        assertEquals(2 * 7, dry.artifacts(), "two un-held due calls (one in the EU): three tracks and four other artifacts each");
        assertTrue(sweeps.items(f.tenant, dry.id(), 0, 100).stream().noneMatch(i -> held.equals(i.sessionId())));
        SweepRun apply = sweeps.runNow(f.tenant, SweepMode.APPLY, asOf, ADMIN);

        assertEquals(dry.classes().stream().map(c -> c.dataClass() + c.action().name() + c.artifacts() + c.identifierDigest()).toList(),
                apply.classes().stream().map(c -> c.dataClass() + c.action().name() + c.artifacts() + c.identifierDigest()).toList());
        Set<String> dryHashes = new HashSet<>();
        sweeps.items(f.tenant, dry.id(), 0, 1000).forEach(i -> dryHashes.add(i.idHash()));
        Set<String> applyHashes = new HashSet<>();
        sweeps.items(f.tenant, apply.id(), 0, 1000).forEach(i -> applyHashes.add(i.idHash()));
        assertEquals(dryHashes, applyHashes);
    }

    @Test
    void aPolicyChangeMovesDueDatesButNotHeldData() throws Exception {
        RetentionFixture f = fixture();
        policies(f, 365, RetentionAction.CRYPTO_SHRED, RetentionAction.ANONYMISE);
        UUID held = f.call(100, null);
        UUID other = f.call(100, null);
        holdOn(f, held);
        Instant before = book.dueDates(f.tenant, other).get(DataClass.REDACTED_TRANSCRIPT);
        assertEquals(0, sweeps.runNow(f.tenant, SweepMode.DRY_RUN, null, ADMIN).artifacts(), "nothing due within a year");

        book.save(f.tenant, new RetentionPolicy("standard", DataClass.REDACTED_TRANSCRIPT, "*", 30, RetentionAction.DELETE), ADMIN);
        Instant after = book.dueDates(f.tenant, other).get(DataClass.REDACTED_TRANSCRIPT);
        assertEquals(Duration.ofDays(335), Duration.between(after, before), "the due date moved with the policy");
        trail.flush();
        assertEquals(1, f.count("SELECT count(*) FROM audit_entry WHERE tenant_id = ? AND action = 'retention.policy-change'"
                + " AND details->>'old' = '365 days, DELETE' AND details->>'new' = '30 days, DELETE'", f.tenant.value()));

        SweepRun run = sweeps.runNow(f.tenant, SweepMode.APPLY, null, ADMIN);
        assertEquals(1, run.artifacts(), "only the un-held call's transcript");
        assertEquals(0, f.count("SELECT count(*) FROM transcript_segment WHERE session_id = ?", other));
        assertKeepsEverything(f, held);
    }

    @Test
    void aReleaseNeedsTwoLegalUsersThenTheClockRunsAgain() {
        RetentionFixture f = fixture();
        policies(f, 30, RetentionAction.CRYPTO_SHRED, RetentionAction.ANONYMISE);
        UUID call = f.call(400, null);
        UUID hold = holdOn(f, call);
        assertTrue(holds.isHeld(f.tenant, call));
        assertEquals(List.of(call), holds.sessionsUnder(f.tenant, hold));

        holds.requestRelease(f.tenant, hold, LEGAL_A, "the matter settled on 20 November");
        HoldRejected refused = assertThrows(HoldRejected.class, () -> holds.approveRelease(f.tenant, hold, LEGAL_A));
        assertTrue(refused.getMessage().contains("another legal user"), refused.getMessage());
        assertTrue(holds.isHeld(f.tenant, call), "a requested release still holds");
        trail.flush();
        assertEquals(1, f.count("SELECT count(*) FROM audit_entry WHERE tenant_id = ? AND action = ? AND outcome = 'denied'",
                f.tenant.value(), LegalHolds.RELEASE_APPROVE));
        assertEquals(0, sweeps.runNow(f.tenant, SweepMode.DRY_RUN, null, ADMIN).artifacts());

        holds.approveRelease(f.tenant, hold, LEGAL_B);
        assertFalse(holds.isHeld(f.tenant, call));
        assertEquals(1, holds.holdsOn(f.tenant, call).size(), "the released hold is still on record");
        assertTrue(sweeps.runNow(f.tenant, SweepMode.APPLY, null, ADMIN).artifacts() > 0, "the retention clock applies again");
        assertEquals(0, f.count("SELECT count(*) FROM transcript_segment WHERE session_id = ?", call));
    }

    @Test
    void aHoldCoversNewCallsInItsScopeAndIsTenantScoped() {
        RetentionFixture f = fixture();
        RetentionFixture other = fixture();
        UUID before = f.call(5, null);
        UUID hold = holds.create(f.tenant, LEGAL_A, "Agent matter", "AGENT-1", null, new HoldScope(List.of(), null, null,
                List.of(RetentionFixture.AGENT), List.of(), List.of(), List.of()));
        assertTrue(holds.isHeld(f.tenant, before), "calls that exist are held at once");
        UUID after = f.call(1, null);
        assertTrue(holds.isHeld(f.tenant, after), "a new call of the agent falls under the live hold");
        assertEquals(2, holds.sessionsUnder(f.tenant, hold).size());

        UUID flagged = other.call(1, null);
        UUID byFlag = holds.create(other.tenant, LEGAL_A, "Flag matter", "FLAG-1", null, new HoldScope(List.of(), null, null,
                List.of(), List.of(), List.of("agent_spoke_pii"), List.of()));
        assertTrue(holds.isHeld(other.tenant, flagged), "flag reasons match");
        assertTrue(holds.find(f.tenant, byFlag).isEmpty(), "another tenant's hold is not found");
        assertTrue(holds.sessionsUnder(f.tenant, byFlag).isEmpty());
        assertThrows(LegalHolds.HoldNotFound.class, () -> holds.requestRelease(f.tenant, byFlag, LEGAL_A, "not ours at all"));
        assertThrows(HoldRejected.class, () -> holds.create(f.tenant, LEGAL_A, "Agent matter", "AGENT-1", null,
                HoldScope.calls(List.of(after))), "a reference is unique in the tenant");
    }

    @Test
    void aStoppedSweepResumesWhereItStopped() {
        RetentionFixture f = fixture();
        policies(f, 30, RetentionAction.CRYPTO_SHRED, RetentionAction.ANONYMISE);
        f.call(100, null);
        f.call(100, null);
        Instant asOf = Instant.now();
        SweepRun dry = sweeps.runNow(f.tenant, SweepMode.DRY_RUN, asOf, ADMIN);

        UUID apply = planner.plan(f.tenant, SweepMode.APPLY, asOf, ADMIN);
        assertTrue(batch.next(apply));
        assertTrue(batch.next(apply));
        // the server stops here; at the next start the sweep is still RUNNING and continues
        assertEquals("RUNNING", sweeps.find(f.tenant, apply).orElseThrow().state());
        assertTrue(worker.run(apply));
        SweepRun resumed = sweeps.find(f.tenant, apply).orElseThrow();
        assertEquals(dry.artifacts(), resumed.artifacts());
        assertEquals(dry.classes().stream().map(SweepClassResult::identifierDigest).toList(),
                resumed.classes().stream().map(SweepClassResult::identifierDigest).toList());
    }

    @Test
    void incoherentPoliciesAreRefused() {
        RetentionFixture f = fixture();
        book.seedDefaults(f.tenant, ADMIN);
        Exception e = assertThrows(Exception.class, () -> book.save(f.tenant,
                new RetentionPolicy("standard", DataClass.SESSION_METADATA, "*", 100, RetentionAction.DELETE), ADMIN));
        assertTrue(e instanceof io.vigil.retention.domain.PolicyRejected || e instanceof EJBException, e.toString());
        assertEquals(730, book.policies(f.tenant).ruleFor("standard", null, DataClass.SESSION_METADATA).orElseThrow().periodDays());
    }
}
