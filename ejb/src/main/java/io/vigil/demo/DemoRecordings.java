package io.vigil.demo;

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
import java.util.logging.Logger;

/**
 * Gives the demo calls audio, right after {@link DemoDataSeeder} loaded them (it has committed by then): for the
 * most recent consented calls of each tenant, the stored (redacted) transcript turns are spoken by
 * {@link SpeechSynthesizer} at their times in the call and recorded as one mixed mono track, 8 kHz 16-bit PCM like a
 * phone line, encrypted under the tenant's audio key. Calls whose caller refused consent get no recording, as live.
 */
@Singleton
@Startup
@DependsOn("DemoDataSeeder")
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
            recorder.record(new TenantId((UUID) call[0]), (UUID) call[1], TRACK, speak(voice, (UUID) call[1]));
        }
        LOG.info(() -> "demo recordings: " + calls.size() + " calls recorded and encrypted");
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
