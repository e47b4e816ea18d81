package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.audit.domain.AuditActor;
import io.vigil.crypto.blob.BlobId;
import io.vigil.crypto.recording.RecordingContext;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.keys.CryptoShredding;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.keys.KeyOverview;
import io.vigil.keys.KeyRegistry;
import io.vigil.keys.KeyRotation;
import io.vigil.recording.LiveRecorder;
import io.vigil.recording.LiveRecordingArchive;
import io.vigil.recording.LiveRecordingRecovery;
import io.vigil.recording.LiveTrackKeys;
import io.vigil.recording.OrphanedCalls;
import io.vigil.recording.RecordingBlobs;
import io.vigil.recording.RecordingInfo;
import io.vigil.recording.RecordingLibrary;
import io.vigil.recording.RecordingStoreException;
import io.vigil.recording.RecordingWorkers;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.Channel;
import io.vigil.session.pipeline.AudioSink;
import io.vigil.session.pipeline.SessionStart;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live recordings inside Payara with the tenants' real keys and blob store: the live tracks' data keys are in the
 * data key inventory while the call runs, shredding one makes the call's recording unreadable, and a call left LIVE
 * by a crash (its tracks without their final segment, as a killed server leaves them) is recovered into recordings
 * and ended abnormally. Each test makes its own call.
 */
@ExtendWith(ArquillianExtension.class)
class LiveRecordingRecoveryIT {

    private static final AuditActor ADMIN = AuditActor.user("it-admin", "Key Admin (test)");
    /** The live tracks' segment: 64 KiB of PCM16 24 kHz, forced to disk when full. */
    private static final int SEGMENT = 64 * 1024;

    @EJB
    private LiveRecordingArchive archive;
    @EJB
    private LiveTrackKeys liveKeys;
    @EJB
    private LiveRecordingRecovery recovery;
    @EJB
    private OrphanedCalls orphans;
    @EJB
    private KeyRotation rotation;
    @EJB
    private KeyOverview overview;
    @EJB
    private CryptoShredding shredding;
    @EJB
    private KeyRegistry registry;
    @EJB
    private RecordingBlobs blobs;
    @EJB
    private RecordingLibrary library;
    @EJB
    private CallCatalog catalog;
    @EJB
    private TenantDirectory tenants;
    @Resource(lookup = "jdbc/vigil")
    private DataSource db;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;
    /** The recording threads of the test's calls (the server's own are not used, so a test can wait for them). */
    private RecordingWorkers workers;

    @BeforeEach
    void startRecordingThreads() {
        workers = new RecordingWorkers(1, 10_000, threads);
    }

    @AfterEach
    void stopRecordingThreads() {
        workers.close();
    }

    @Test
    void shreddingALiveTracksKeyMakesTheCallsRecordingUnreadable() throws Exception {
        TenantId bank = tenant("acme-bank");
        UUID call = liveCall(bank);
        AudioSink sink = recorder().open(start(bank, call));
        speak(sink, AudioSink.Track.CALLER, 3_000);
        awaitLiveKey(call, LiveTrackKeys.CALLER_OWNER);
        assertEquals(1, count("SELECT count(*) FROM data_key WHERE owner_type = 'live-caller' AND owner_id = ?"
                + " AND domain = 'audio' AND shredded_at IS NULL", call), "the live key is in the inventory");

        assertTrue(shredding.shredDataKey(bank, LiveTrackKeys.CALLER_OWNER, call, ADMIN));

        assertThrows(IOException.class, () -> RecordingReader.open(blobs.store().open(liveBlob(bank, call,
                "caller")), registry.wrapper(bank), liveContext(bank, call, "caller")), "the header is wiped");
        sink.close();
        awaitFinished();
        assertTrue(library.forSession(bank, call).isEmpty(), "no recording is made from a shredded track");
    }

    @Test
    void aCallLeftLiveByACrashIsRecoveredIntoRecordingsAndEndedAbnormally() throws Exception {
        TenantId bank = tenant("acme-bank");
        UUID call = liveCall(bank);
        // the server "dies" after 3 s of caller audio and 2 s of agent audio: the tracks are never closed, so
        // each ends after its last full segment (2 for the caller, 1 for the agent) and has no final segment
        AudioSink sink = recorder().open(start(bank, call));
        speak(sink, AudioSink.Track.CALLER, 3_000);
        speak(sink, AudioSink.Track.AGENT, 2_000);
        awaitLiveKey(call, LiveTrackKeys.CALLER_OWNER);
        awaitLiveKey(call, LiveTrackKeys.AGENT_OWNER);
        awaitReadable(bank, call, "caller", 2L * SEGMENT);
        awaitReadable(bank, call, "agent", SEGMENT);

        long recoveredMs = recovery.recover(bank, call, Channel.BROWSER.audioRate());

        assertEquals(2L * SEGMENT / 48, recoveredMs, "the caller's two complete segments");
        assertEquals("FAILED", text("SELECT status FROM call_session WHERE id = ?", call));
        assertEquals(recoveredMs, count("SELECT duration_ms FROM call_session WHERE id = ?", call));
        assertNotNull(text("SELECT ended_at::text FROM call_session WHERE id = ?", call));
        String ended = text("SELECT payload::text FROM session_event WHERE session_id = ? AND type = 'SESSION_ENDED'",
                call);
        assertTrue(ended.contains("\"endedBy\": \"RECOVERY\"") && ended.contains("\"abnormal\": true"), ended);

        List<RecordingInfo> stored = library.forSession(bank, call);
        assertEquals(List.of("agent", "caller", "mixed"), stored.stream().map(RecordingInfo::track).sorted().toList());
        RecordingInfo caller = stored.stream().filter(r -> r.track().equals("caller")).findFirst().orElseThrow();
        assertEquals(recoveredMs, caller.durationMs());
        try (RecordingReader reader = library.open(bank, caller.id()).orElseThrow()) {
            ByteBuffer head = ByteBuffer.allocate(4);
            reader.read(0, head);
            assertEquals("RIFF", new String(head.array(), StandardCharsets.US_ASCII), "a WAV that decrypts");
            assertTrue(reader.size() >= 2L * SEGMENT, "the recovered audio: " + reader.size());
        }
        assertFalse(blobs.store().exists(liveBlob(bank, call, "caller")), "the live tracks are removed");
        assertFalse(blobs.store().exists(liveBlob(bank, call, "agent")));
        assertEquals(0, count("SELECT count(*) FROM data_key WHERE owner_id = ? AND owner_type LIKE 'live-%'"
                + " AND shredded_at IS NULL", call), "the live tracks' keys are gone with them");

        // a second recovery (the next start) changes nothing
        recovery.recover(bank, call, Channel.BROWSER.audioRate());
        assertEquals(1, count("SELECT count(*) FROM session_event WHERE session_id = ? AND type = 'SESSION_ENDED'",
                call));
        assertEquals(3, library.forSession(bank, call).size());
    }

    @Test
    void aKeyRotationDuringACallLeavesItsRecordingsReadable() throws Exception {
        TenantId bank = tenant("acme-bank");
        UUID call = liveCall(bank);
        AudioSink sink = recorder().open(start(bank, call));
        speak(sink, AudioSink.Track.CALLER, 2_000);
        awaitLiveKey(call, LiveTrackKeys.CALLER_OWNER);
        long before = count("SELECT key_version FROM data_key WHERE owner_type = 'live-caller' AND owner_id = ?",
                call);

        // mid-call: a new version, every data key rewrapped to it (the live one included), the old one retired
        UUID job = rotation.rotate(bank, KeyDomain.AUDIO, ADMIN);
        for (int i = 0; i < 600 && overview.job(bank, job).orElseThrow().running(); i++) {
            Thread.sleep(200);
        }
        assertEquals("COMPLETED", overview.job(bank, job).orElseThrow().state());
        assertEquals(before + 1, count("SELECT key_version FROM data_key WHERE owner_type = 'live-caller'"
                + " AND owner_id = ?", call), "the inventory's copy was rewrapped");
        assertThrows(IOException.class, () -> RecordingReader.open(blobs.store().open(liveBlob(bank, call,
                "caller")), registry.wrapper(bank), liveContext(bank, call, "caller")).close(),
                "the live blob's own header still names the retired version");

        speak(sink, AudioSink.Track.AGENT, 1_000);
        sink.close();
        awaitFinished();
        List<RecordingInfo> stored = library.forSession(bank, call);
        assertEquals(List.of("agent", "caller", "mixed"), stored.stream().map(RecordingInfo::track).sorted().toList(),
                "the call's recordings were stored");
        RecordingInfo caller = stored.stream().filter(r -> r.track().equals("caller")).findFirst().orElseThrow();
        assertEquals(2_000, caller.durationMs());
        try (RecordingReader reader = library.open(bank, caller.id()).orElseThrow()) {
            ByteBuffer head = ByteBuffer.allocate(4);
            reader.read(0, head);
            assertEquals("RIFF", new String(head.array(), StandardCharsets.US_ASCII), "and they decrypt");
        }
    }

    @Test
    void tracksLeftBehindByAFailedStoreAreFoundAtTheNextStartAndStored() throws Exception {
        TenantId bank = tenant("acme-bank");
        UUID call = liveCall(bank);
        // the call ends normally, but storing its recordings fails (a full disk): the live tracks stay
        AudioSink sink = new LiveRecorder(blobs.store(), registry::wrapper, workers, finished -> {
            throw new RecordingStoreException("no space left on device", new IOException("ENOSPC"));
        }, LiveTrackKeys.forRecorder(liveKeys)).open(start(bank, call));
        speak(sink, AudioSink.Track.CALLER, 2_000);
        speak(sink, AudioSink.Track.AGENT, 1_000);
        sink.close();
        awaitFinished();
        update("UPDATE call_session SET status = 'COMPLETED', ended_at = now(), duration_ms = 2000 WHERE id = ?", call);
        assertTrue(library.forSession(bank, call).isEmpty(), "nothing was stored");
        assertTrue(blobs.store().exists(liveBlob(bank, call, "caller")), "the live tracks were kept");

        OrphanedCalls.Orphan left = orphans.live(Instant.now()).stream().filter(o -> o.session().equals(call))
                .findFirst().orElseThrow(() -> new AssertionError("the next start does not see the call"));
        assertEquals(Channel.BROWSER.audioRate(), left.sampleRate());
        recovery.recover(left.tenant(), left.session(), left.sampleRate());

        List<RecordingInfo> stored = library.forSession(bank, call);
        assertEquals(List.of("agent", "caller", "mixed"), stored.stream().map(RecordingInfo::track).sorted().toList());
        assertEquals(2_000, stored.stream().filter(r -> r.track().equals("caller")).findFirst().orElseThrow()
                .durationMs(), "the whole closed track, its final segment included");
        assertEquals("COMPLETED", text("SELECT status FROM call_session WHERE id = ?", call), "still a normal end");
        assertEquals(0, count("SELECT count(*) FROM session_event WHERE session_id = ? AND type = 'SESSION_ENDED'",
                call), "no recovery end is added to a call that ended");
        assertFalse(blobs.store().exists(liveBlob(bank, call, "caller")), "the live tracks are removed");
        assertTrue(orphans.live(Instant.now()).stream().noneMatch(o -> o.session().equals(call)),
                "and the call is not found again");
    }

    // ---- helpers ----

    private LiveRecorder recorder() {
        return new LiveRecorder(blobs.store(), registry::wrapper, workers, archive::store,
                LiveTrackKeys.forRecorder(liveKeys));
    }

    private static SessionStart start(TenantId tenant, UUID call) {
        return new SessionStart(tenant.value(), call, "it", Channel.BROWSER, "h", Map.of());
    }

    /** {@code ms} of a 200 Hz tone from the start of the call, in 20 ms frames. */
    private static void speak(AudioSink sink, AudioSink.Track track, int ms) throws IOException {
        for (int at = 0; at < ms; at += 20) {
            byte[] frame = new byte[960];
            for (int i = 0; i < 480; i++) {
                short v = (short) (8000 * Math.sin(2 * Math.PI * 200 * ((at * 24 + i) / 24_000.0)));
                frame[2 * i] = (byte) v;
                frame[2 * i + 1] = (byte) (v >> 8);
            }
            sink.write(track, at, frame);
        }
    }

    private UUID liveCall(TenantId tenant) throws SQLException {
        UUID call = UUID.randomUUID();
        UUID agent = catalog.agentProfiles(tenant).get(0).id();
        update("INSERT INTO call_session (id, tenant_id, agent_profile_id, channel, caller_ref_hash, started_at, status,"
                + " consent_state, disclosure_state, retention_class) VALUES (?, ?, ?, 'BROWSER', ?, ?, 'LIVE', 'GIVEN',"
                + " 'DELIVERED', 'standard')", call, tenant.value(), agent, "e".repeat(64),
                Timestamp.from(Instant.now().minusSeconds(60)));
        return call;
    }

    private static BlobId liveBlob(TenantId tenant, UUID call, String track) {
        return BlobId.of("live/" + tenant + "/" + call + "/" + track + ".vgrc");
    }

    /** The recording threads register keys off the audio path; the bound only keeps a failure from hanging. */
    private void awaitLiveKey(UUID call, String ownerType) throws Exception {
        for (int i = 0; i < 600 && count("SELECT count(*) FROM data_key WHERE owner_type = ? AND owner_id = ?",
                ownerType, call) == 0; i++) {
            Thread.sleep(100);
        }
    }

    /** Until the live track can be read up to {@code bytes} (its segments are on disk). */
    private void awaitReadable(TenantId tenant, UUID call, String track, long bytes) throws Exception {
        long readable = 0;
        for (int i = 0; i < 600 && readable < bytes; i++) {
            if (blobs.store().exists(liveBlob(tenant, call, track))) {
                try (RecordingReader reader = RecordingReader.open(blobs.store().open(liveBlob(tenant, call, track)),
                        registry.wrapper(tenant), liveContext(tenant, call, track))) {
                    readable = reader.size();
                }
            }
            if (readable < bytes) {
                Thread.sleep(100);
            }
        }
        assertEquals(bytes, readable, "the " + track + " track's complete segments");
    }

    private void awaitFinished() throws InterruptedException {
        for (int i = 0; i < 600 && (workers.queued() > 0 || workers.deferred() > 0); i++) {
            Thread.sleep(100);
        }
    }

    private static RecordingContext liveContext(TenantId tenant, UUID call, String track) {
        return new RecordingContext(tenant.toString(), call.toString(), "live-" + track, "audio");
    }

    private TenantId tenant(String slug) {
        return new TenantId(tenants.bySlug(slug).orElseThrow().id());
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            st.executeUpdate();
        }
    }

    private long count(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(text(sql, parameters));
    }

    private String text(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }
}
