package io.vigil.web.media;

import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvents;
import io.vigil.session.domain.Channel;
import io.vigil.session.domain.SessionStatus;
import io.vigil.session.realtime.RealtimeCodec;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /v1/realtime}: an OpenAI Realtime-compatible WebSocket endpoint. An agent built on the OpenAI SDK is
 * governed by pointing its base URL at Vigil ({@code https://vigil.example.com/v1}); the SDK opens
 * {@code wss://vigil.example.com/v1/realtime?model=...}.
 *
 * <p><b>Admission.</b> The access token of an {@code agent-runtime} client, as {@code Authorization: Bearer <token>}
 * (server SDKs) or as the subprotocol {@code openai-insecure-api-key.<token>} next to {@code realtime} (the browser
 * SDK, which cannot set headers). The agent profile is the query parameter {@code agent} (an id or a name), else
 * {@code model} if it names a profile, else the tenant's only agent. A refused client is closed with 1008 and a
 * reason; a database that cannot register the session gives 1013. The token is never stored or logged.
 *
 * <p><b>Frames.</b> Every frame goes to the {@code RealtimeRelay}, which answers bad ones with an {@code error} event
 * and goes on. Frames above {@value #MAX_FRAME_CHARS} characters are closed with 1009 by the container before they
 * are read; a client that stops reading is closed with 1008 by its {@link Outbox}. Closing the socket ends the
 * session (COMPLETED). The query parameter {@code caller} ('|' between turns) is what the embedded agent hears, as
 * it has no speech recognition; {@code callerRef} is stored only as a keyed hash.
 */
@ServerEndpoint(value = "/v1/realtime", subprotocols = {"realtime"}, configurator = RealtimeEndpoint.Handshake.class)
public class RealtimeEndpoint {

    /** Above the codec's 2 MiB (answered with an error event), the container closes with 1009. */
    static final int MAX_FRAME_CHARS = 4 * 1024 * 1024;
    static final long IDLE_TIMEOUT_MS = 120_000;
    private static final String TOKEN = "vigil.realtime.token";
    private static final String API_KEY_PROTOCOL = "openai-insecure-api-key.";
    private static final Logger LOG = Logger.getLogger(RealtimeEndpoint.class.getName());

    /**
     * Keeps the handshake's bearer token for {@link #open}: from the Authorization header, or from the
     * {@code openai-insecure-api-key.} subprotocol. The user properties seen here are per connection (WebSocket 2.1).
     */
    public static final class Handshake extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            config.getUserProperties().put(TOKEN, bearer(request.getHeaders()));
        }
    }

    static String bearer(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("authorization")) {
                for (String v : h.getValue()) {
                    if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
                        return v.substring(7).strip();
                    }
                }
            }
        }
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("sec-websocket-protocol")) {
                for (String v : h.getValue()) {
                    for (String p : v.split(",")) {
                        if (p.strip().startsWith(API_KEY_PROTOCOL)) {
                            return p.strip().substring(API_KEY_PROTOCOL.length());
                        }
                    }
                }
            }
        }
        return "";
    }

    private Outbox outbox;
    private volatile RealtimeCall call;

    @OnOpen
    public void open(Session session) {
        session.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
        CDI.current().select(LiveCalls.class).get().idleTimeout(session, IDLE_TIMEOUT_MS);
        outbox = new Outbox(session, null); // relay latency is measured on the Twilio door
        String token = String.valueOf(session.getUserProperties().remove(TOKEN));
        Map<String, List<String>> query = session.getRequestParameterMap();
        try {
            CallAdmission.Admitted who = CDI.current().select(CallAdmission.class).get()
                    .admitRealtime(token, first(query, "agent"), first(query, "model"));
            call = open(new RealtimeCall.Opening(who, Channel.REALTIME_API, first(query, "callerRef"),
                    first(query, "caller"), Map.of(), null), outbox);
            if (call != null) {
                LiveSessionAudit.record(AuditEvents.liveSessionOpened(who.tenantId(), who.actor(), call.sessionId(),
                        "realtime", who.profile().id()));
            }
        } catch (CallAdmission.Refused e) {
            LiveSessionAudit.record(AuditEvents.liveSessionRefused(null, AuditActor.ANONYMOUS, "realtime",
                    e.getMessage()));
            outbox.close(TwilioMediaStreamEndpoint.reason(CloseReason.CloseCodes.VIOLATED_POLICY, e.getMessage()));
        }
    }

    /** Opens the call for a door, or closes the connection with 1013 when Vigil cannot take it now. */
    static RealtimeCall open(RealtimeCall.Opening opening, Outbox outbox) {
        try {
            return RealtimeCall.open(CDI.current().select(LiveCalls.class).get(), opening, new RealtimeCodec(),
                    outbox::send, why -> outbox.close(TwilioMediaStreamEndpoint.reason(
                            CloseReason.CloseCodes.NORMAL_CLOSURE, why)));
        } catch (SQLException | IOException e) {
            LOG.log(Level.WARNING, "a realtime session could not be started: " + e.getMessage());
            outbox.close(TwilioMediaStreamEndpoint.reason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
                    "Vigil cannot take the session now; try again"));
            return null;
        }
    }

    @OnMessage
    public void frame(String frame) {
        RealtimeCall admitted = call;
        if (admitted != null) {
            admitted.fromClient(frame);
        }
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        RealtimeCall admitted = call;
        if (admitted != null) {
            admitted.finish("CALLER", SessionStatus.COMPLETED);
        }
    }

    @OnError
    public void failed(Session session, Throwable error) {
        LOG.log(Level.FINE, "realtime session error", error);
    }

    static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
