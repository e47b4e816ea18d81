package io.vigil.recording;

import io.vigil.provenance.ProvenanceException;
import io.vigil.provenance.ProvenanceSigning;
import io.vigil.provenance.TrackKind;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores a finished live call as its recordings, in one transaction: the {@code caller} and {@code agent} tracks and
 * the {@code mixed} call, each a WAV file encrypted under a fresh data key registered in the inventory. The agent
 * track is signed with C2PA as synthetic speech ({@code trainedAlgorithmicMedia}) and the mixed call as a composite
 * ({@code compositeWithTrainedAlgorithmicMedia}), with the tenant's signing key, before they are encrypted
 * ({@link ProvenanceSigning#signAndStore}). Every recording is built and signed streaming from the call's live
 * tracks, a chunk at a time, so storing a call costs the same memory whatever its length. A call stored once is not stored again (the hand-over is retried while
 * the database is away, and a retry may follow a commit).
 */
@Stateless
public class LiveRecordingArchive {

    public static final String CALLER = "caller";
    public static final String AGENT = "agent";
    public static final String MIXED = "mixed";
    private static final Logger LOG = Logger.getLogger(LiveRecordingArchive.class.getName());

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private CallRecorder recorder;

    @EJB
    private ProvenanceSigning provenance;

    @EJB
    private LiveTrackKeys liveKeys;

    public void store(FinishedCall call) {
        TenantId tenant = call.tenant();
        Number stored = (Number) em.createNativeQuery("SELECT count(*) FROM recording WHERE tenant_id = ?1 AND"
                + " session_id = ?2").setParameter(1, tenant.value()).setParameter(2, call.sessionId())
                .getSingleResult();
        if (stored.longValue() > 0) {
            return;
        }
        recorder.record(tenant, call.sessionId(), CALLER, new StreamedWav(call.sampleRate(), call.caller()));
        signed(tenant, call.sessionId(), AGENT, new StreamedWav(call.sampleRate(), call.agent()), TrackKind.AGENT);
        signed(tenant, call.sessionId(), MIXED, new StreamedWav(call.sampleRate(), call.mixed()),
                TrackKind.COMPOSITE);
        liveKeys.blobsDeleted(tenant, call.sessionId()); // the live blobs are deleted once this commits
    }

    /**
     * Signs and stores a track. A track that cannot be signed (the tenant's signing chain is unusable) is stored
     * unsigned rather than lost; the call page then shows it without provenance, and the log says why.
     */
    private void signed(TenantId tenant, UUID session, String track, StreamedWav audio, TrackKind kind) {
        try {
            provenance.signAndStore(tenant, session, track, audio, kind);
        } catch (ProvenanceException e) {
            LOG.log(Level.WARNING, "the " + track + " recording of call " + session + " is stored without C2PA"
                    + " provenance: " + e.getMessage());
            recorder.record(tenant, session, track, audio);
        }
    }
}
