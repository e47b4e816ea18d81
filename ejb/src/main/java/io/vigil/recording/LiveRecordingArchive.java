package io.vigil.recording;

import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Stores a finished live call as its recordings, in one transaction: the {@code caller} and {@code agent} tracks and
 * the {@code mixed} call, each a WAV file encrypted under a fresh data key registered in the inventory. The agent
 * track (synthetic speech) and the mixed call carry C2PA manifests ({@link RecordingSigner}). A call stored once is
 * not stored again (the hand-over is retried while the database is away, and a retry may follow a commit).
 */
@Stateless
public class LiveRecordingArchive {

    public static final String CALLER = "caller";
    public static final String AGENT = "agent";
    public static final String MIXED = "mixed";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private CallRecorder recorder;

    @EJB
    private RecordingSigner signer;

    public void store(FinishedCall call) {
        TenantId tenant = call.tenant();
        Number stored = (Number) em.createNativeQuery("SELECT count(*) FROM recording WHERE tenant_id = ?1 AND"
                + " session_id = ?2").setParameter(1, tenant.value()).setParameter(2, call.sessionId())
                .getSingleResult();
        if (stored.longValue() > 0) {
            return;
        }
        WavAudio caller = new WavAudio(FinishedCall.SAMPLE_RATE, call.caller());
        WavAudio agent = new WavAudio(FinishedCall.SAMPLE_RATE, call.agent());
        WavAudio mixed = new WavAudio(FinishedCall.SAMPLE_RATE, call.mixed());
        recorder.record(tenant, call.sessionId(), CALLER, caller);
        recorder.record(tenant, call.sessionId(), AGENT, signer.agentTrack(tenant, agent.fileBytes()),
                agent.durationMs(), agent.format());
        recorder.record(tenant, call.sessionId(), MIXED, signer.mixedCall(tenant, mixed.fileBytes()),
                mixed.durationMs(), mixed.format());
    }
}
