package io.vigil.recording;

import io.vigil.crypto.blob.BlobId;
import io.vigil.crypto.blob.BlobStore;
import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.WrappedDataKey;
import io.vigil.crypto.recording.RecordingContext;
import io.vigil.keys.KeyRegistry;
import io.vigil.session.persistence.CallRecorder;
import io.vigil.session.pipeline.AudioSink;
import io.vigil.session.pipeline.AudioSink.Track;
import io.vigil.session.pipeline.SessionStart;
import io.vigil.tenancy.TenantId;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The recorder of live calls: each call's caller and agent tracks are encrypted <b>as they stream</b>
 * ({@link LiveTrack}: the recording format, a fresh data key per track wrapped by the tenant's audio key) into live
 * blobs under {@code live/<tenant>/<call>/}, by the {@link RecordingWorkers}, never on the audio path. The pipeline
 * calls it only after consent, and its caller audio has already passed the PCI pause.
 *
 * <p>{@link AudioSink#write} only queues the frame. A full queue, or a write that failed on the recording thread, is
 * reported by the next {@code write} throwing: the session records a recording failure and goes on (or ends) per
 * policy, and the call is never stalled by its recording.
 *
 * <p>When the call ends, its tracks are completed and handed to the {@link Archive} as streams over the live blobs
 * (never read into memory: the archive builds and signs the recordings from them a chunk at a time; it stores the
 * caller, agent and mixed recordings, registered in the data key inventory and signed); the live blobs are deleted
 * once that succeeded. Storing needs the database: while it is away the hand-over is retried every few seconds and
 * the live blobs stay on disk.
 */
public final class LiveRecorder implements CallRecorder {

    /** Where a finished call's audio goes; throws when it cannot be stored now (it is retried). */
    @FunctionalInterface
    public interface Archive {
        void store(FinishedCall call);
    }

    /** The tenant's key wrapper; resolved when the call opens, so the recording threads never ask the database. */
    @FunctionalInterface
    public interface TenantKeys {
        DataKeyWrapper wrapperFor(TenantId tenant);
    }

    /**
     * The data key inventory, told of each live track's data key when the track opens, so the Keys page, rotation and
     * crypto-shredding see it while the call runs (and after a crash). Called on a recording thread, never on the
     * audio path; it throws while the database is away and is retried.
     */
    public interface LiveKeys {
        LiveKeys NONE = new LiveKeys() {
            @Override
            public void issued(TenantId tenant, UUID session, Track track, WrappedDataKey key, byte[] associatedData) {
            }

            @Override
            public Optional<WrappedDataKey> current(TenantId tenant, UUID session, Track track) {
                return Optional.empty();
            }
        };

        void issued(TenantId tenant, UUID session, Track track, WrappedDataKey key, byte[] associatedData);

        /**
         * The inventory's copy of a live track's data key when the call ends. A key rotation during the call rewraps
         * that copy but not the header of a blob still being written, and retires the version the header names once
         * the rewrap is done; the track is read back with this copy. Empty when the track has none (or it was
         * shredded): the header's own wrap is used.
         */
        Optional<WrappedDataKey> current(TenantId tenant, UUID session, Track track);
    }

    private static final Logger LOG = Logger.getLogger(LiveRecorder.class.getName());
    private static final String LIVE_DATA_CLASS = "audio";

    private final BlobStore store;
    private final TenantKeys keys;
    private final RecordingWorkers workers;
    private final Archive archive;
    private final LiveKeys liveKeys;

    public LiveRecorder(BlobStore store, TenantKeys keys, RecordingWorkers workers, Archive archive) {
        this(store, keys, workers, archive, LiveKeys.NONE);
    }

    public LiveRecorder(BlobStore store, TenantKeys keys, RecordingWorkers workers, Archive archive,
                        LiveKeys liveKeys) {
        this.liveKeys = liveKeys;
        this.store = store;
        this.keys = keys;
        this.workers = workers;
        this.archive = archive;
    }

    @Override
    public AudioSink open(SessionStart start) {
        TenantId tenant = new TenantId(start.tenantId());
        try {
            return new LiveCall(tenant, start.sessionId(), start.channel().audioRate(), keys.wrapperFor(tenant));
        } catch (RuntimeException e) {
            return new Unavailable("the tenant's audio key is not available: " + e.getMessage());
        }
    }

    static BlobId liveBlob(TenantId tenant, UUID session, AudioSink.Track track) {
        return BlobId.of("live/" + tenant + "/" + session + "/" + track.name().toLowerCase(java.util.Locale.ROOT) + ".vgrc");
    }

    static RecordingContext liveContext(TenantId tenant, UUID session, AudioSink.Track track) {
        return new RecordingContext(tenant.toString(), session.toString(), "live-" + track.name().toLowerCase(java.util.Locale.ROOT),
                LIVE_DATA_CLASS);
    }

    /** One call's two tracks, fed from the audio path and written on one recording thread. */
    private final class LiveCall implements AudioSink {
        private final TenantId tenant;
        private final UUID session;
        private final int stripe;
        private final int sampleRate;
        private final LiveTrack caller;
        private final LiveTrack agent;
        private final AtomicInteger pending = new AtomicInteger();
        private final AtomicInteger unregisteredKeys = new AtomicInteger();
        private volatile IOException failure;
        private boolean closed;

        LiveCall(TenantId tenant, UUID session, int sampleRate, DataKeyWrapper wrapper) {
            this.tenant = tenant;
            this.session = session;
            this.sampleRate = sampleRate;
            this.stripe = workers.stripeOf(session);
            var kek = KeyRegistry.keyName(tenant, KeyDomain.AUDIO);
            caller = new LiveTrack(store, liveBlob(tenant, session, Track.CALLER), sampleRate, wrapper, kek,
                    liveContext(tenant, session, Track.CALLER), key -> register(Track.CALLER, key));
            agent = new LiveTrack(store, liveBlob(tenant, session, Track.AGENT), sampleRate, wrapper, kek,
                    liveContext(tenant, session, Track.AGENT), key -> register(Track.AGENT, key));
        }

        /** Puts a track's data key in the inventory, off the frame queue; the call finishes only after that. */
        private void register(Track track, WrappedDataKey key) {
            unregisteredKeys.incrementAndGet();
            byte[] associatedData = liveContext(tenant, session, track).associatedData();
            workers.defer(stripe, new RecordingWorkers.Deferred() {
                @Override
                public boolean ready() {
                    return true;
                }

                @Override
                public boolean run() {
                    try {
                        liveKeys.issued(tenant, session, track, key, associatedData);
                    } catch (RuntimeException e) {
                        LOG.log(Level.INFO, () -> "the live " + track + " key of call " + session + " waits for the"
                                + " database: " + e.getMessage());
                        return false;
                    }
                    unregisteredKeys.decrementAndGet();
                    return true;
                }
            });
        }

        @Override
        public void write(Track track, long atMs, byte[] pcm) throws IOException {
            IOException failed = failure;
            if (failed != null) {
                throw new IOException("the recording failed: " + failed.getMessage(), failed);
            }
            if (closed) {
                throw new IOException("the recording was closed");
            }
            pending.incrementAndGet();
            boolean queued = workers.offer(stripe, () -> {
                try {
                    if (failure == null) {
                        (track == Track.CALLER ? caller : agent).write(atMs, pcm);
                    }
                } catch (IOException | RuntimeException e) {
                    failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                } finally {
                    pending.decrementAndGet();
                }
            });
            if (!queued) {
                pending.decrementAndGet();
                throw new IOException("the recorder is behind (its queue is full); this call's recording stops");
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            workers.defer(stripe, new Finish(this));
        }
    }

    /** Completes a call's tracks and stores them; retried while the archive cannot take them. */
    private final class Finish implements RecordingWorkers.Deferred {
        private final LiveCall call;
        private boolean tracksClosed;

        Finish(LiveCall call) {
            this.call = call;
        }

        @Override
        public boolean ready() {
            return call.pending.get() == 0 && call.unregisteredKeys.get() == 0;
        }

        @Override
        public boolean run() {
            long length = Math.max(call.caller.bytes(), call.agent.bytes());
            try {
                if (!tracksClosed) {
                    tracksClosed = true;
                    call.caller.close();
                    call.agent.close();
                }
                if (length == 0) {
                    return true; // nothing was recorded (no consent, or no audio)
                }
                FinishedCall finished = new FinishedCall(call.tenant, call.session, call.sampleRate,
                        call.caller.readBack(length, liveKeys.current(call.tenant, call.session, Track.CALLER)),
                        call.agent.readBack(length, liveKeys.current(call.tenant, call.session, Track.AGENT)));
                archive.store(finished);
            } catch (IOException | RecordingStoreException e) {
                // a track that cannot be completed or read stays in the blob store, readable up to its last segment,
                // and its key stays in the inventory: the next start finds it there and stores it (OrphanedCalls)
                LOG.log(Level.WARNING, "the live recording of call " + call.session + " could not be completed;"
                        + " its live tracks are kept in the blob store and stored at the next start", e);
                return true;
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, () -> "the recordings of call " + call.session + " wait for the database: "
                        + e.getMessage());
                return false;
            }
            try {
                call.caller.delete();
                call.agent.delete();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "a live track of call " + call.session + " could not be removed", e);
            }
            return true;
        }
    }

    /** The recorder of a call whose key could not be had: every write fails, so the session says so. */
    private record Unavailable(String reason) implements AudioSink {
        @Override
        public void write(Track track, long atMs, byte[] pcm) throws IOException {
            throw new IOException(reason);
        }

        @Override
        public void close() {
        }
    }
}
