package io.vigil.web.media;

import io.vigil.session.domain.SessionStatus;
import io.vigil.session.twilio.TwilioCodec;
import io.vigil.session.twilio.TwilioMessage;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /media/twilio}: Twilio Media Streams, bidirectional ({@code <Connect><Stream>}), one instance per stream.
 *
 * <p>Until {@code start} is admitted only {@code connected} is accepted; anything else, a missing or refused token
 * ({@code customParameters.token}) or an agent profile ({@code customParameters.agentProfile}) that is not the
 * token's tenant's closes the stream with 1008 (policy violation) and stores nothing. After that every frame goes to
 * the gateway ({@code TwilioCallGateway}): bad frames are counted in the call's metrics and the call goes on, as Twilio
 * cannot receive errors. Frames above the codec's 64 KiB are refused that way; above {@value #MAX_FRAME_CHARS}
 * characters the container closes with 1009 (too big) before reading them.
 */
@ServerEndpoint("/media/twilio")
public class TwilioMediaStreamEndpoint {

    static final int MAX_FRAME_CHARS = 256 * 1024;
    /** Twilio sends 50 media frames a second; a silent minute means the stream is gone. */
    private static final long IDLE_TIMEOUT_MS = 60_000;
    private static final Logger LOG = Logger.getLogger(TwilioMediaStreamEndpoint.class.getName());

    private final TwilioCodec codec = new TwilioCodec();
    private Outbox outbox;
    private LiveCalls shared;
    private volatile TwilioCall call;

    @OnOpen
    public void open(Session session) {
        session.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
        shared = CDI.current().select(LiveCalls.class).get();
        shared.idleTimeout(session, IDLE_TIMEOUT_MS);
        outbox = new Outbox(session, shared.outboundLatency());
    }

    @OnMessage
    public void frame(String frame) {
        TwilioCall admitted = call;
        if (admitted != null) {
            long arrived = System.nanoTime();
            admitted.fromTwilio(frame);
            shared.inboundLatency().record(System.nanoTime() - arrived);
            return;
        }
        TwilioCodec.Decoded d = codec.decode(frame);
        TwilioMessage m = d instanceof TwilioCodec.Decoded.Accepted a ? a.message() : null;
        if (m instanceof TwilioMessage.Connected) {
            return;
        }
        if (!(m instanceof TwilioMessage.Start start)) {
            refuse("send 'connected' and then 'start' with the parameters token and agentProfile first");
            return;
        }
        try {
            CallAdmission.Admitted who = CDI.current().select(CallAdmission.class).get()
                    .admit(start.customParameters().get("token"), start.customParameters().get("agentProfile"));
            call = TwilioCall.open(shared, who, start, outbox::send, this::hangUp);
        } catch (CallAdmission.Refused e) {
            refuse(e.getMessage());
            return;
        } catch (SQLException | IOException e) {
            LOG.log(Level.WARNING, "a call could not be started: " + e.getMessage());
            outbox.close(reason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Vigil cannot take the call now; try again"));
            return;
        }
        call.fromTwilio(frame);
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        TwilioCall admitted = call;
        if (admitted != null) {
            // a stream that closes without 'stop' is a dropped call; finishing twice is harmless
            admitted.finish("CONNECTION_CLOSED", SessionStatus.ABANDONED);
        }
    }

    @OnError
    public void failed(Session session, Throwable error) {
        LOG.log(Level.FINE, "media stream error", error);
    }

    private void refuse(String why) {
        outbox.close(reason(CloseReason.CloseCodes.VIOLATED_POLICY, why));
    }

    private void hangUp(String why) {
        outbox.close(reason(CloseReason.CloseCodes.NORMAL_CLOSURE, why));
    }

    /** A close reason is limited to 123 bytes of UTF-8 by the WebSocket protocol. */
    static CloseReason reason(CloseReason.CloseCode code, String text) {
        String t = text == null ? "" : text;
        while (t.getBytes(StandardCharsets.UTF_8).length > 123) {
            t = t.substring(0, t.length() - 1);
        }
        return new CloseReason(code, t);
    }
}
