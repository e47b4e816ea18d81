package io.vigil.web.media;

import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvents;
import io.vigil.session.domain.Channel;
import io.vigil.session.domain.SessionStatus;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /media/browser}: the console's test call. The page speaks the OpenAI Realtime protocol (microphone as PCM16
 * 24 kHz appends, agent audio as deltas), so the session runs through the same relay and pipeline as
 * {@code /v1/realtime}, stored with channel BROWSER. Admission is a one-time ticket from the test-call page
 * ({@link TestCallTickets}); without a valid one the connection is closed with 1008.
 */
@ServerEndpoint("/media/browser")
public class BrowserCallEndpoint {

    private Outbox outbox;
    private volatile RealtimeCall call;

    @OnOpen
    public void open(Session session) {
        session.setMaxTextMessageBufferSize(RealtimeEndpoint.MAX_FRAME_CHARS);
        CDI.current().select(LiveCalls.class).get().idleTimeout(session, RealtimeEndpoint.IDLE_TIMEOUT_MS);
        outbox = new Outbox(session, null); // relay latency is measured on the Twilio door
        Optional<TestCallTickets.Ticket> ticket = CDI.current().select(TestCallTickets.class).get()
                .redeem(RealtimeEndpoint.first(session.getRequestParameterMap(), "ticket"));
        if (ticket.isEmpty()) {
            LiveSessionAudit.record(AuditEvents.liveSessionRefused(null, AuditActor.ANONYMOUS, "browser", "no valid ticket"));
            outbox.close(TwilioMediaStreamEndpoint.reason(CloseReason.CloseCodes.VIOLATED_POLICY,
                    "no valid ticket: start the test call from the console's Test call page"));
            return;
        }
        TestCallTickets.Ticket t = ticket.get();
        call = RealtimeEndpoint.open(new RealtimeCall.Opening(CallAdmission.forConsole(t.tenantId(), t.profile(),
                t.person()), Channel.BROWSER, "console-test-call:" + t.sessionId(), t.callerScript(), Map.of(),
                t.sessionId()), outbox);
        if (call != null) {
            LiveSessionAudit.record(AuditEvents.liveSessionOpened(t.tenantId(), t.person(), t.sessionId(), "browser",
                    t.profile().id()));
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
}
