package io.vigil.recording;

import io.vigil.crypto.blob.BlobId;
import io.vigil.crypto.blob.BlobStore;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.keys.KeyRegistry;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.pipeline.AudioSink;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recovers the calls a crash (or a stop mid-call) left behind: their {@code call_session} rows still LIVE, their
 * live tracks still in the blob store, without a final segment. Each track is read as far as its last complete
 * segment (the recorder forces every 64 KiB segment to disk, so at most that much is lost), the tracks are stored as
 * the call's {@code caller}, {@code agent} and {@code mixed} recordings exactly as at a normal end (WAV, encrypted,
 * signed, in the data key inventory) and the live blobs are deleted. The call is then marked FAILED and gets a
 * {@code SESSION_ENDED} event with {@code endedBy: RECOVERY}, so the console shows that it ended abnormally.
 *
 * <p>At start-up every call left LIVE from before is an orphan: {@link #recoverAll} runs then, on the persistence
 * thread. {@link #recover} recovers one call.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveRecordingRecovery {

    private static final Logger LOG = Logger.getLogger(LiveRecordingRecovery.class.getName());

    @EJB
    private OrphanedCalls orphans;

    @EJB
    private LiveRecordingArchive archive;

    @EJB
    private KeyRegistry keys;

    @EJB
    private RecordingBlobs blobs;

    @EJB
    private LiveTrackKeys liveKeys;

    /**
     * Recovers every call left LIVE that started before this server did ({@code serverStarted}: no call survives a
     * restart); returns how many.
     */
    public int recoverAll(Instant serverStarted) {
        int n = 0;
        for (OrphanedCalls.Orphan o : orphans.live(serverStarted)) {
            try {
                recover(o.tenant(), o.session(), o.sampleRate());
                n++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "call " + o.session() + " left by a crash could not be recovered now; its live"
                        + " tracks are kept and the next start tries again", e);
            }
        }
        return n;
    }

    /**
     * Stores what a crashed call's live tracks (recorded at {@code sampleRate}) hold and ends the call as FAILED;
     * returns the audio recovered (ms).
     */
    public long recover(TenantId tenant, UUID session, int sampleRate) {
        byte[] caller = readable(tenant, session, AudioSink.Track.CALLER);
        byte[] agent = readable(tenant, session, AudioSink.Track.AGENT);
        int length = Math.max(caller.length, agent.length);
        if (length > 0) {
            archive.store(new FinishedCall(tenant, session, sampleRate, PcmSource.of(padded(caller, length)),
                    PcmSource.of(padded(agent, length))));
            for (AudioSink.Track track : AudioSink.Track.values()) {
                try {
                    blobs.store().delete(LiveRecorder.liveBlob(tenant, session, track));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "a recovered live track of call " + session + " could not be removed", e);
                }
            }
        }
        long recoveredMs = Pcm16.durationMs(length, sampleRate);
        orphans.endAbnormally(tenant, session, recoveredMs);
        return recoveredMs;
    }

    /** The track's audio up to its last complete segment; nothing if it has no blob or the blob cannot be read. */
    private byte[] readable(TenantId tenant, UUID session, AudioSink.Track track) {
        BlobStore store = blobs.store();
        BlobId blob = LiveRecorder.liveBlob(tenant, session, track);
        try {
            if (!store.exists(blob)) {
                return new byte[0];
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // with the inventory's copy of the key: a rotation during the call may have retired the header's version
            try (RecordingReader reader = RecordingReader.open(store.open(blob), keys.wrapper(tenant),
                    LiveRecorder.liveContext(tenant, session, track), liveKeys.current(tenant, session, track)
                            .orElse(null)); InputStream in = reader.openAt(0)) {
                in.transferTo(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            // a shredded key or a torn header: the track is lost, the call is still ended (and says so in the log)
            LOG.log(Level.WARNING, "the " + track + " track of call " + session + " cannot be read: " + e.getMessage());
            return new byte[0];
        }
    }

    private static byte[] padded(byte[] pcm, int length) {
        return pcm.length == length ? pcm : java.util.Arrays.copyOf(pcm, length);
    }
}
