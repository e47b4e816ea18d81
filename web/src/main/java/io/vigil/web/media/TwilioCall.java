package io.vigil.web.media;

import io.vigil.session.audio.MediaClock;
import io.vigil.session.domain.Channel;
import io.vigil.session.domain.ConsentState;
import io.vigil.session.domain.DisclosureState;
import io.vigil.session.domain.SessionStatus;
import io.vigil.session.persistence.CallSessionRows;
import io.vigil.session.pipeline.LiveSession;
import io.vigil.session.pipeline.SessionAction;
import io.vigil.session.pipeline.SessionPolicy;
import io.vigil.session.pipeline.SessionStart;
import io.vigil.session.pipeline.TwilioCallGateway;
import io.vigil.session.twilio.TwilioMessage;
import io.vigil.session.upstream.UpstreamConnector;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One admitted phone call: its {@code call_session} row, its upstream model session and the {@link TwilioCallGateway}
 * between them. Created when {@code start} passes {@link CallAdmission}; {@link #finish} is idempotent and hands the
 * call's ending to the persistence worker once the pipeline has sent its last record.
 */
final class TwilioCall {

    private final LiveCalls shared;
    private final CallAdmission.Admitted admitted;
    private final UUID sessionId = UUID.randomUUID();
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final Consumer<String> hangUp;
    private TwilioCallGateway gateway;
    private UpstreamConnector.Connection upstream;
    private volatile LiveSession session;
    private boolean finished;

    private TwilioCall(LiveCalls shared, CallAdmission.Admitted admitted, Consumer<String> hangUp) {
        this.shared = shared;
        this.admitted = admitted;
        this.hangUp = hangUp;
    }

    /**
     * Registers the call and opens its upstream. The only database write on the way in, done before any audio flows;
     * if the database cannot take it, the call is refused rather than run unrecorded.
     *
     * @param toTwilio sends a frame to Twilio without blocking
     * @param hangUp   closes the Twilio connection with a reason
     */
    static TwilioCall open(LiveCalls shared, CallAdmission.Admitted admitted, TwilioMessage.Start start,
                           Consumer<String> toTwilio, Consumer<String> hangUp) throws SQLException, IOException {
        TwilioCall call = new TwilioCall(shared, admitted, hangUp);
        Map<String, String> p = start.customParameters();
        String reference = p.getOrDefault("callerRef", "");
        // without a caller reference, the call's own id keeps the hash unique and still says nothing about the caller
        String hash = shared.callerHash().of(admitted.tenantId(), reference.isBlank() ? "twilio-call:"
                + start.callSid() : reference);
        shared.calls().insertLive(admitted.tenantId(), call.sessionId, admitted.profile().id(), Channel.PHONE.name(),
                hash, reference, call.startedAt);
        call.gateway = TwilioCallGateway.withEventUpstream((s, actions) -> call.session(s, hash, actions),
                new EmbeddedAgentTools(), toTwilio, call::policyHangUp, event -> call.upstream.send(event));
        try {
            call.upstream = call.openUpstream(p.get("callerScript"));
        } catch (IOException e) {
            call.finish("UPSTREAM", SessionStatus.FAILED); // the row exists: it must not stay LIVE
            throw e;
        }
        return call;
    }

    private UpstreamConnector.Connection openUpstream(String callerScript) throws IOException {
        TwilioCall call = this;
        io.vigil.session.upstream.AgentUpstream profile;
        try {
            profile = shared.agentUpstreams().of(admitted.tenantId(), admitted.profile().id());
        } catch (java.sql.SQLException e) {
            throw new IOException("the agent profile's upstream could not be read: " + e.getMessage(), e);
        }
        UpstreamConnector connector;
        try {
            connector = shared.upstream(profile, callerScript);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e); // the key's setting is missing: named, never its value
        }
        return connector.open(new UpstreamConnector.Listener() {
            @Override
            public void onFrame(String frame) {
                long[] relaying = Outbox.RELAYING.get();
                relaying[0] = System.nanoTime(); // the Twilio frames this produces are timed from here
                try {
                    call.gateway.fromUpstream(frame);
                } finally {
                    relaying[0] = 0;
                }
            }

            @Override
            public void onEvent(io.vigil.session.realtime.RealtimeEvent event) {
                long[] relaying = Outbox.RELAYING.get();
                relaying[0] = System.nanoTime();
                try {
                    call.gateway.fromUpstream(event); // the embedded agent in this JVM: no JSON in between
                } finally {
                    relaying[0] = 0;
                }
            }

            @Override
            public void onClosed(String reason) {
                call.finish("UPSTREAM", SessionStatus.FAILED);
                hangUp.accept(reason);
            }
        });
    }

    private LiveSession session(TwilioMessage.Start s, String callerHash, Consumer<SessionAction> actions) {
        String consent = s.customParameters().get("consent");
        // only the IVR's consent reaches the pipeline: the token and the raw caller reference stop here
        SessionStart start = new SessionStart(admitted.tenantId(), sessionId, admitted.profile().id().toString(),
                Channel.PHONE, callerHash, consent == null ? Map.of() : Map.of("consent", consent));
        session = new LiveSession(start, SessionPolicy.defaults(), shared.redaction(), shared.persistence().queue(),
                shared.recorder().open(start), MediaClock.system(), actions);
        return session;
    }

    void fromTwilio(String frame) {
        gateway.fromTwilio(frame);
        LiveSession s = session;
        if (s != null && s.ended()) {
            finish("CALLER", SessionStatus.COMPLETED);
        }
    }

    /** The pipeline ended the call (a disclosure that never came, a refusal the policy ends on). */
    private void policyHangUp(String reason) {
        finish("POLICY", SessionStatus.COMPLETED);
        hangUp.accept(reason);
    }

    /** Ends the pipeline if it still runs, closes the upstream and queues the row's completion. */
    void finish(String endedBy, SessionStatus status) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        LiveSession s = session;
        if (s != null) {
            s.end(endedBy);
        }
        if (upstream != null) {
            upstream.close();
        }
        long durationMs = (System.nanoTime() - startedNanos) / 1_000_000L;
        shared.persistence().ended(new CallSessionRows.Ending(admitted.tenantId(), sessionId,
                startedAt.plusMillis(durationMs), durationMs, status,
                s == null ? ConsentState.PENDING : s.consent(),
                s == null ? DisclosureState.PENDING : s.disclosure()));
    }
}
