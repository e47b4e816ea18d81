package io.vigil.demo;

import io.vigil.provenance.ProvenanceException;
import io.vigil.provenance.ProvenanceSigning;
import io.vigil.provenance.TrackKind;
import io.vigil.recording.CallRecorder;
import io.vigil.recording.WavAudio;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.audio.Resampler;
import io.vigil.session.simulator.SpeechSynthesizer;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the demo calls audio, right after {@link DemoDataSeeder} loaded them (it has committed by then): for the
 * most recent consented calls of each tenant, the stored (redacted) transcript turns are spoken by
 * {@link SpeechSynthesizer} at their times in the call and recorded as one mixed mono track, 8 kHz 16-bit PCM like a
 * phone line, signed with a C2PA manifest (a composite of caller and AI agent, under the tenant's signing key) and
 * then encrypted under the tenant's audio key, so playback serves the signed file. Calls whose caller refused consent
 * get no recording, as live.
 */
@Singleton
@Startup
@DependsOn({"DemoDataSeeder", "DemoCertificateAuthority"})
public class DemoRecordings {

    static final int CALLS_PER_TENANT = 10;
    static final String TRACK = "mixed";
    private static final Logger LOG = Logger.getLogger(DemoRecordings.class.getName());

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private DemoDataSeeder seeder;

    @EJB
    private CallRecorder recorder;

    @EJB
    private ProvenanceSigning provenance;

    @PostConstruct
    void recordDemoCalls() {
        if (!seeder.loadedThisStart()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> calls = em.createNativeQuery("SELECT tenant_id, id FROM (SELECT tenant_id, id, row_number()"
                        + " OVER (PARTITION BY tenant_id ORDER BY started_at DESC, id DESC) AS n FROM call_session"
                        + " WHERE consent_state = 'GIVEN') c WHERE n <= ?1")
                .setParameter(1, CALLS_PER_TENANT).getResultList();
        SpeechSynthesizer voice = new SpeechSynthesizer();
        for (Object[] call : calls) {
            TenantId tenant = new TenantId((UUID) call[0]);
            WavAudio audio = speak(voice, (UUID) call[1]);
            try {
                provenance.signAndStore(tenant, (UUID) call[1], TRACK, audio, TrackKind.COMPOSITE);
            } catch (ProvenanceException e) {
                // the demo still gets its audio; the missing provenance shows on the call page
                LOG.log(Level.SEVERE, "demo recording of call " + call[1] + " stored without C2PA provenance: " + e.getMessage(), e);
                recorder.record(tenant, (UUID) call[1], TRACK, audio);
            }
        }
        LOG.info(() -> "demo recordings: " + calls.size() + " calls recorded, C2PA-signed and encrypted");
    }

    private WavAudio speak(SpeechSynthesizer voice, UUID call) {
        @SuppressWarnings("unchecked")
        List<Object[]> turns = em.createNativeQuery("SELECT start_ms, text FROM transcript_segment WHERE session_id = ?1"
                        + " ORDER BY seq").setParameter(1, call).getResultList();
        CallMix mix = new CallMix(Pcm16.TELEPHONE_RATE);
        for (Object[] turn : turns) {
            short[] speech = Pcm16.fromBytes(voice.speak((String) turn[1]).pcm16());
            mix.add(((Number) turn[0]).longValue(), Resampler.downsampler24kTo8k().process(speech));
        }
        return new WavAudio(Pcm16.TELEPHONE_RATE, Pcm16.toBytes(mix.samples()));
    }
}
