package io.vigil.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.crypto.blob.FileSystemBlobStore;
import io.vigil.crypto.keys.BcfksKeyProvider;
import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.session.domain.Channel;
import io.vigil.session.pipeline.AudioSink;
import io.vigil.session.pipeline.SessionStart;
import io.vigil.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live recorder with a real keystore and blob store: tracks encrypted as they stream, aligned, handed over. */
class LiveRecorderTest {

    @TempDir
    Path dir;

    private FileSystemBlobStore store;
    private DataKeyWrapper keys;
    private RecordingWorkers workers;
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final UUID session = UUID.randomUUID();
    private final List<Stored> archived = new CopyOnWriteArrayList<>();

    /** What the archive read from a finished call's streams, while its live tracks were still there. */
    private record Stored(int sampleRate, byte[] caller, byte[] agent, byte[] mixed) {
        static Stored of(FinishedCall call) {
            try (var caller = call.caller().open(); var agent = call.agent().open(); var mixed = call.mixed().open()) {
                return new Stored(call.sampleRate(), caller.readAllBytes(), agent.readAllBytes(), mixed.readAllBytes());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private void archive(FinishedCall call) {
        archived.add(Stored.of(call));
    }

    @BeforeEach
    void open() throws Exception {
        store = FileSystemBlobStore.open(dir.resolve("blobs"));
        BcfksKeyProvider provider = BcfksKeyProvider.open(dir.resolve("keys.bcfks"), "test-only".toCharArray());
        provider.createVersion(new KeyName(tenant.toString(), KeyDomain.AUDIO));
        keys = DataKeyWrapper.create(provider);
        workers = new RecordingWorkers(2, 1_000, Thread::new);
    }

    @AfterEach
    void close() {
        workers.close();
    }

    /** A browser call: 24 kHz, so the 2 s streamed below fill more than one 64 KiB segment. */
    private SessionStart start() {
        return start(Channel.BROWSER);
    }

    private SessionStart start(Channel channel) {
        return new SessionStart(tenant.value(), session, "front-desk", channel, "hash", Map.of());
    }

    private static final int BYTES_PER_MS = LiveTrack.bytesPerMs(Channel.BROWSER.audioRate());

    private static byte[] tone(int ms, byte value) {
        return tone(ms, value, BYTES_PER_MS);
    }

    private static byte[] tone(int ms, byte value, int bytesPerMs) {
        byte[] pcm = new byte[ms * bytesPerMs];
        Arrays.fill(pcm, value);
        return pcm;
    }

    private void untilArchived(int calls) throws InterruptedException {
        for (int i = 0; i < 500 && archived.size() < calls; i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void tracksAreEncryptedAsTheyStreamAndHandedOverAlignedWhenTheCallEnds() throws Exception {
        LiveRecorder recorder = new LiveRecorder(store, t -> keys, workers, this::archive);
        AudioSink sink = recorder.open(start());
        for (int i = 0; i < 100; i++) {
            sink.write(AudioSink.Track.CALLER, i * 20L, tone(20, (byte) 1));
        }
        sink.write(AudioSink.Track.AGENT, 1_000, tone(500, (byte) 2)); // the agent speaks from 1 s to 1.5 s
        for (int i = 0; i < 200 && workers.queued() > 0; i++) {
            Thread.sleep(10);
        }
        Path live = dir.resolve("blobs").resolve(LiveRecorder.liveBlob(tenant, session, AudioSink.Track.CALLER).value());
        assertTrue(Files.size(live) > 64 * 1024, "full segments are on disk while the call goes on");
        byte[] onDisk = Files.readAllBytes(live);
        assertEquals(-1, indexOf(onDisk, tone(20, (byte) 1)), "and only as ciphertext");

        sink.close();
        untilArchived(1);
        assertEquals(1, archived.size());
        Stored call = archived.get(0);
        assertEquals(2_000 * BYTES_PER_MS, call.caller().length);
        assertEquals(call.caller().length, call.agent().length, "both tracks as long as the call");
        assertArrayEquals(new byte[1_000 * BYTES_PER_MS],
                Arrays.copyOfRange(call.agent(), 0, 1_000 * BYTES_PER_MS), "silence before the agent spoke");
        assertEquals(2, call.agent()[1_000 * BYTES_PER_MS]);
        assertEquals(0x0101 + 0x0202, (call.mixed()[48_000] & 0xFF) | (call.mixed()[48_001] << 8), "mixed sums");
        for (int i = 0; i < 100 && Files.exists(live); i++) {
            Thread.sleep(10);
        }
        assertFalse(Files.exists(live), "the live track is removed once stored");
    }

    @Test
    void aPhoneCallIsRecordedAtItsOwn8kHz() throws Exception {
        int bytesPerMs = LiveTrack.bytesPerMs(Channel.PHONE.audioRate());
        AudioSink sink = new LiveRecorder(store, t -> keys, workers, this::archive).open(start(Channel.PHONE));
        for (int i = 0; i < 50; i++) {
            sink.write(AudioSink.Track.CALLER, i * 20L, tone(20, (byte) 1, bytesPerMs));
        }
        sink.write(AudioSink.Track.AGENT, 500, tone(200, (byte) 2, bytesPerMs));
        sink.close();
        untilArchived(1);
        Stored call = archived.get(0);
        assertEquals(8_000, call.sampleRate());
        assertEquals(16_000, call.caller().length, "1 s of 8 kHz PCM16");
        assertEquals(16_000, call.agent().length);
        assertEquals(0, call.agent()[500 * bytesPerMs - 1], "silence until 500 ms");
        assertEquals(2, call.agent()[500 * bytesPerMs], "the agent from 500 ms, placed at the phone rate");
    }

    @Test
    void aHandOverThatFailsIsRetriedAndTheLiveTracksWait() throws Exception {
        AtomicBoolean databaseAway = new AtomicBoolean(true);
        CountDownLatch tried = new CountDownLatch(1);
        LiveRecorder recorder = new LiveRecorder(store, t -> keys, workers, call -> {
            tried.countDown();
            if (databaseAway.get()) {
                throw new IllegalStateException("database away");
            }
            archive(call);
        });
        AudioSink sink = recorder.open(start());
        sink.write(AudioSink.Track.AGENT, 0, tone(100, (byte) 3));
        sink.close();
        assertTrue(tried.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 100 && workers.deferred() == 0; i++) {
            Thread.sleep(10); // the failed attempt goes back into the queue
        }
        assertEquals(1, workers.deferred(), "kept for a retry");
        assertTrue(store.exists(LiveRecorder.liveBlob(tenant, session, AudioSink.Track.AGENT)));
        databaseAway.set(false);
        for (int i = 0; i < 1_000 && archived.isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertEquals(1, archived.size());
    }

    @Test
    void aFullQueueFailsTheWriteInsteadOfWaiting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingWorkers one = new RecordingWorkers(1, 2, Thread::new);
        try {
            one.offer(0, () -> {
                try {
                    release.await(); // the recording thread is stuck (a slow disk)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(50);
            AudioSink sink = new LiveRecorder(store, t -> keys, one, this::archive).open(start());
            sink.write(AudioSink.Track.CALLER, 0, tone(20, (byte) 1));
            sink.write(AudioSink.Track.CALLER, 20, tone(20, (byte) 1));
            IOException full = assertThrows(IOException.class,
                    () -> sink.write(AudioSink.Track.CALLER, 40, tone(20, (byte) 1)));
            assertTrue(full.getMessage().contains("queue is full"), full.getMessage());
        } finally {
            release.countDown();
            one.close();
        }
    }

    @Test
    void aLiveTrackIsBoundToItsCall() throws Exception {
        LiveRecorder recorder = new LiveRecorder(store, t -> keys, workers, this::archive);
        AudioSink sink = recorder.open(start());
        sink.write(AudioSink.Track.CALLER, 0, tone(2_000, (byte) 1));
        for (int i = 0; i < 200 && workers.queued() > 0; i++) {
            Thread.sleep(10);
        }
        var blob = LiveRecorder.liveBlob(tenant, session, AudioSink.Track.CALLER);
        var otherCall = LiveRecorder.liveContext(tenant, UUID.randomUUID(), AudioSink.Track.CALLER);
        assertThrows(IOException.class, () -> RecordingReader.open(store.open(blob), keys, otherCall));
        sink.close();
        untilArchived(1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
