package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.audit.domain.AuditActor;
import io.vigil.crypto.keys.DataKey;
import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.crypto.keys.WrappedDataKey;
import io.vigil.crypto.recording.RecordingFormatException;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.keys.CryptoShredding;
import io.vigil.keys.KeyOverview;
import io.vigil.keys.KeyRegistry;
import io.vigil.keys.KeyRotation;
import io.vigil.keys.KeyVersions;
import io.vigil.keys.RewrapWorker;
import io.vigil.recording.CallRecorder;
import io.vigil.recording.RecordingLibrary;
import io.vigil.recording.WavAudio;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.CallQuery;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Key management inside Payara with the demo tenants' BCFKS keys: rotation with the background rewrap to completion
 * and retirement of the old version, crypto-shredding of one recording and of a whole key version, and the
 * separation of tenants' keys. Each test records its own recordings (fresh track names), so the class can run again
 * on the same database.
 */
@ExtendWith(ArquillianExtension.class)
class KeyManagementIT {

    private static final AuditActor ADMIN = AuditActor.user("it-admin", "Key Admin (test)");

    @EJB
    private KeyRotation rotation;
    @EJB
    private KeyVersions versions;
    @EJB
    private RewrapWorker worker;
    @EJB
    private KeyOverview overview;
    @EJB
    private KeyRegistry registry;
    @EJB
    private CryptoShredding shredding;
    @EJB
    private CallRecorder recorder;
    @EJB
    private RecordingLibrary library;
    @EJB
    private CallCatalog catalog;
    @EJB
    private TenantDirectory tenants;

    @Test
    void rotationRewrapsEveryDataKeyToTheNewVersionAndRetiresTheOldOne() throws Exception {
        TenantId bank = tenant("acme-bank");
        UUID recording = record(bank, 0);
        int before = audioKey(bank).currentVersion();

        UUID job = rotation.rotate(bank, KeyDomain.AUDIO, ADMIN);
        KeyOverview.RewrapProgress done = awaitEnd(bank, job);

        assertEquals("COMPLETED", done.state(), () -> "rewrap failed: " + done.error());
        assertEquals(done.total(), done.done());
        assertTrue(done.total() >= 1, "the new recording's data key was rewrapped");
        KeyOverview.DomainKey audio = audioKey(bank);
        assertEquals(before + 1, audio.currentVersion());
        assertEquals(before + 1, audio.minimumVersion(), "the old version is retired");
        KeyOverview.VersionUsage old = audio.versions().stream().filter(v -> v.version() == before).findFirst().orElseThrow();
        assertEquals("RETIRED", old.state());
        assertEquals(0, old.liveDataKeys(), "no data key is left under the retired version");
        try (RecordingReader reader = library.open(bank, recording).orElseThrow()) {
            assertEquals(before + 1, reader.keyReference().version(), "the recording's header was rewrapped too");
            assertEquals("RIFF", firstFour(reader));
        }
    }

    @Test
    void aShreddedRecordingReportsShredded() throws Exception {
        TenantId bank = tenant("acme-bank");
        UUID recording = record(bank, 1);
        try (RecordingReader readable = library.open(bank, recording).orElseThrow()) {
            assertEquals("RIFF", firstFour(readable));
        }

        assertTrue(shredding.shredDataKey(bank, RecordingLibrary.OWNER_TYPE, recording, ADMIN));

        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> library.open(bank, recording));
        assertEquals(RecordingFormatException.Reason.SHREDDED, e.reason());
        assertTrue(library.find(bank, recording).orElseThrow().shredded());
    }

    @Test
    void destroyingAKeyVersionShredsEveryRecordingItWrapped() throws Exception {
        TenantId health = tenant("northwind-health");
        UUID recording = record(health, 0);
        int version = audioKey(health).currentVersion();
        // the new version and its job, without starting the job yet: the recording is still under the old version
        UUID job = versions.addVersion(health, KeyDomain.AUDIO, ADMIN);

        int shredded = shredding.destroyVersion(health, KeyDomain.AUDIO, version, ADMIN);

        assertTrue(shredded >= 1);
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> library.open(health, recording));
        assertEquals(RecordingFormatException.Reason.SHREDDED, e.reason());
        assertEquals("DESTROYED", audioKey(health).versions().stream().filter(v -> v.version() == version)
                .findFirst().orElseThrow().state());
        worker.run(job);
        assertEquals("COMPLETED", awaitEnd(health, job).state(), "shredded keys are not rewrapped");
    }

    @Test
    void eachTenantHasItsOwnKeysAndSeesOnlyItsOwnRecordings() throws Exception {
        TenantId bank = tenant("acme-bank");
        TenantId health = tenant("northwind-health");
        for (KeyDomain domain : KeyDomain.values()) {
            assertNotEquals(key(bank, domain).keyId(), key(health, domain).keyId());
        }
        UUID bankRecording = record(bank, 2);
        assertTrue(library.find(health, bankRecording).isEmpty(), "another tenant's recording is not found");
        assertTrue(library.open(health, bankRecording).isEmpty());

        byte[] context = "it/tenant-separation".getBytes(StandardCharsets.UTF_8);
        DataKeyWrapper bankKeys = registry.wrapper(bank);
        try (DataKey dataKey = bankKeys.newDataKey(KeyRegistry.keyName(bank, KeyDomain.AUDIO), context)) {
            KeyOverview.DomainKey healthAudio = key(health, KeyDomain.AUDIO);
            WrappedDataKey claimedByHealth = new WrappedDataKey(new KeyReference(healthAudio.providerId(),
                    healthAudio.keyId(), healthAudio.currentVersion()), dataKey.wrapped().ciphertext());
            assertThrows(KeyProviderException.class, () -> registry.wrapper(health).unwrap(claimedByHealth, context));
            assertArrayEquals(dataKey.plaintext(), bankKeys.unwrap(dataKey.wrapped(), context));
        }
    }

    private UUID record(TenantId tenant, int call) {
        UUID session = catalog.list(tenant, CallQuery.firstPage(5)).rows().get(call).id();
        byte[] pcm = new byte[8000 * 2];
        for (int i = 0; i < pcm.length; i += 2) {
            pcm[i] = (byte) (i * 7);
        }
        return recorder.record(tenant, session, "it-" + UUID.randomUUID().toString().substring(0, 8), new WavAudio(8000, pcm));
    }

    /** Waits for the background job to leave RUNNING; the bound only keeps a broken job from hanging the suite. */
    private KeyOverview.RewrapProgress awaitEnd(TenantId tenant, UUID job) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            KeyOverview.RewrapProgress progress = overview.job(tenant, job).orElseThrow();
            if (!progress.running()) {
                return progress;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("rewrap job " + job + " still running after two minutes");
    }

    private static String firstFour(RecordingReader reader) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(4);
        reader.read(0, head);
        return new String(head.array(), StandardCharsets.US_ASCII);
    }

    private KeyOverview.DomainKey audioKey(TenantId tenant) {
        return key(tenant, KeyDomain.AUDIO);
    }

    private KeyOverview.DomainKey key(TenantId tenant, KeyDomain domain) {
        return overview.keys(tenant).stream().filter(k -> k.domain() == domain).findFirst().orElseThrow();
    }

    private TenantId tenant(String slug) {
        return new TenantId(tenants.bySlug(slug).orElseThrow().id());
    }
}
