package io.vigil.web.media;

import io.vigil.session.audio.MediaClock;
import io.vigil.session.domain.Channel;
import io.vigil.session.domain.ConsentState;
import io.vigil.session.domain.DisclosureState;
import io.vigil.session.domain.SessionStatus;
import io.vigil.session.persistence.CallSessionRows;
import io.vigil.session.pipeline.LiveSession;
import io.vigil.session.pipeline.RealtimeRelay;
import io.vigil.session.pipeline.SessionPolicy;
import io.vigil.session.pipeline.SessionStart;
import io.vigil.session.realtime.RealtimeCodec;
import io.vigil.session.upstream.AgentUpstream;
import io.vigil.session.upstream.UpstreamConnector;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One admitted session through a Realtime-protocol door ({@code /v1/realtime}, or the console's test call): its
 * {@code call_session} row, its upstream model session and the {@link RealtimeRelay} between them. {@link #finish}
 * is idempotent and hands the ending to the persistence worker.
 */
final class RealtimeCall {

    /** What a door knows about the session it opens. */
    record Opening(CallAdmission.Admitted admitted, Channel channel, String callerReference, String callerScript,
                   Map<String, String> parameters, UUID sessionId) {
    }

    private final LiveCalls shared;
    private final Opening opening;
    private final UUID sessionId;
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private RealtimeRelay relay;
    private UpstreamConnector.Connection upstream;
    private boolean finished;

    private RealtimeCall(LiveCalls shared, Opening opening) {
        this.shared = shared;
        this.opening = opening;
        this.sessionId = opening.sessionId() != null ? opening.sessionId() : UUID.randomUUID();
    }

    /**
     * Registers the session (the only database write on the way in, before any audio flows: if the database cannot
     * take it the session is refused rather than run unrecorded) and opens its upstream.
     *
     * @param toClient sends a frame to the client without blocking
     * @param hangUp   closes the client's connection with a reason
     */
    static RealtimeCall open(LiveCalls shared, Opening opening, RealtimeCodec clientCodec, Consumer<String> toClient,
                             Consumer<String> hangUp) throws SQLException, IOException {
        RealtimeCall call = new RealtimeCall(shared, opening);
        UUID tenant = opening.admitted().tenantId();
        UUID profileId = opening.admitted().profile().id();
        AgentUpstream profile = shared.agentUpstreams().of(tenant, profileId);
        String hash = shared.callerHash().of(tenant, opening.callerReference() == null
                || opening.callerReference().isBlank() ? "realtime-session:" + call.sessionId
                : opening.callerReference());
        shared.calls().insertLive(tenant, call.sessionId, profileId, opening.channel().name(), hash,
                opening.callerReference(), call.startedAt);
        call.relay = new RealtimeRelay(actions -> call.session(hash, actions), clientCodec, toClient,
                frame -> call.upstream.send(frame), reason -> {
                    call.finish("POLICY", SessionStatus.COMPLETED);
                    hangUp.accept(reason);
                });
        try {
            call.upstream = shared.upstream(profile, opening.callerScript()).open(new UpstreamConnector.Listener() {
                @Override
                public void onFrame(String frame) {
                    call.relay.fromUpstream(frame);
                }

                @Override
                public void onClosed(String reason) {
                    call.finish("UPSTREAM", SessionStatus.FAILED);
                    hangUp.accept(reason);
                }
            });
        } catch (IOException | IllegalStateException e) {
            call.finish("UPSTREAM", SessionStatus.FAILED); // the row exists: it must not stay LIVE
            throw new IOException(e.getMessage(), e);
        }
        call.relay.start(profile.sessionSettings().orElse(null));
        return call;
    }

    UUID sessionId() {
        return sessionId;
    }

    private LiveSession session(String callerHash, Consumer<io.vigil.session.pipeline.SessionAction> actions) {
        SessionStart start = new SessionStart(opening.admitted().tenantId(), sessionId,
                opening.admitted().profile().id().toString(), opening.channel(), callerHash, opening.parameters());
        return new LiveSession(start, SessionPolicy.defaults().withGatewayDriven(false), shared.redaction(),
                shared.persistence().queue(), shared.recorder().open(start), MediaClock.system(), actions);
    }

    void fromClient(String frame) {
        relay.fromClient(frame);
    }

    /** Ends the pipeline if it still runs, closes the upstream and queues the row's completion. */
    void finish(String endedBy, SessionStatus status) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        LiveSession s = relay == null ? null : relay.session();
        if (relay != null) {
            relay.end(endedBy);
        }
        if (upstream != null) {
            upstream.close();
        }
        long durationMs = (System.nanoTime() - startedNanos) / 1_000_000L;
        shared.persistence().ended(new CallSessionRows.Ending(opening.admitted().tenantId(), sessionId,
                startedAt.plusMillis(durationMs), durationMs, status,
                s == null ? ConsentState.PENDING : s.consent(),
                s == null ? DisclosureState.PENDING : s.disclosure()));
    }
}
