package io.vigil.web.media;

import io.vigil.session.audio.MediaClock;
import io.vigil.session.realtime.RealtimeCodec;
import io.vigil.session.simulator.AgentScript;
import io.vigil.session.simulator.RealtimeSimulator;
import io.vigil.web.api.security.ApiCaller;
import io.vigil.web.api.security.TokenAuthority;
import io.vigil.web.api.security.TokenRejected;
import io.vigil.web.security.Role;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code /sim/v1/realtime}: the embedded agent ({@link RealtimeSimulator}) over a real WebSocket, speaking the
 * OpenAI Realtime protocol. It is the local upstream for checking Vigil's Realtime client end to end, and for
 * pointing {@code vigil.upstream.url} at when trying the real-upstream path without a hosted model. It needs
 * {@code Authorization: Bearer <access token>} of an {@code agent-runtime} client, as a hosted model needs its key;
 * the query parameter {@code caller} ('|' between turns) is what the agent hears, as it has no speech recognition.
 */
@ServerEndpoint(value = "/sim/v1/realtime", configurator = SimulatorEndpoint.Handshake.class)
public class SimulatorEndpoint {

    private static final String AUTHORIZATION = "authorization";
    private static final long TICK_MS = 20;

    /**
     * Keeps the handshake's Authorization header for {@link #open}. Since WebSocket 2.1 the user properties seen here
     * are a per-connection copy that becomes the session's, so concurrent handshakes cannot see each other's header.
     */
    public static final class Handshake extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            List<String> values = request.getHeaders().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(AUTHORIZATION)).flatMap(e -> e.getValue().stream())
                    .toList();
            config.getUserProperties().put(AUTHORIZATION, values.isEmpty() ? "" : values.get(0));
        }
    }

    private RealtimeSimulator simulator;
    private ScheduledFuture<?> tick;

    @OnOpen
    public void open(Session session) {
        // as the hosted model does, an idle session is closed; here after as long as the door in front of it waits
        CDI.current().select(LiveCalls.class).get().idleTimeout(session, RealtimeEndpoint.IDLE_TIMEOUT_MS);
        Outbox out = new Outbox(session, null);
        String header = String.valueOf(session.getUserProperties().remove(AUTHORIZATION));
        try {
            ApiCaller caller = CDI.current().select(TokenAuthority.class).get()
                    .verify(header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "");
            if (!caller.has(Role.AGENT_RUNTIME)) {
                throw new TokenRejected("the token's client has no agent-runtime role");
            }
        } catch (TokenRejected e) {
            out.close(TwilioMediaStreamEndpoint.reason(CloseReason.CloseCodes.VIOLATED_POLICY,
                    "token refused: " + e.getMessage()));
            return;
        }
        List<String> callerLines = session.getRequestParameterMap().getOrDefault("caller", List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split("\\|"))).map(String::strip).toList();
        RealtimeCodec codec = new RealtimeCodec();
        // the outbox never calls back into the simulator, so emitting under the simulator's lock cannot deadlock
        simulator = new RealtimeSimulator(AgentScript.frontDesk(), callerLines, RealtimeSimulator.Settings.defaults(),
                MediaClock.system(), e -> out.send(codec.encode(e)));
        simulator.start();
        tick = CDI.current().select(LiveCalls.class).get().media()
                .scheduleAtFixedRate(simulator::advance, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    @OnMessage
    public void frame(String frame) {
        if (simulator != null) {
            simulator.onClientFrame(frame);
        }
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        if (tick != null) {
            tick.cancel(false);
        }
    }
}
