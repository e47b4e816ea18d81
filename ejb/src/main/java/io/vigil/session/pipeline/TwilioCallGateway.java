package io.vigil.session.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.session.audio.MuLawCodec;
import io.vigil.session.realtime.ConversationItem;
import io.vigil.session.realtime.RealtimeCodec;
import io.vigil.session.realtime.RealtimeEvent;
import io.vigil.session.twilio.TwilioCodec;
import io.vigil.session.twilio.TwilioMessage;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * One phone call through the Twilio door: Twilio Media Streams on one side, an OpenAI Realtime upstream on the other,
 * a {@link LiveSession} in between. Transport-free: the container's WebSocket endpoint passes every Twilio frame to
 * {@link #fromTwilio} and every upstream frame to {@link #fromUpstream}, and sends what the two consumers receive.
 *
 * <p>Audio stays G.711 mu-law 8 kHz end to end: the upstream session is set to {@code g711_ulaw} both ways (the
 * Realtime API takes it, and so does the embedded agent), so nothing is resampled on the call path
 * ({@link TelephoneAudio}; an upstream that keeps PCM16 is resampled for instead). The pipeline sees PCM16 at 8 kHz
 * (a phone call's rate, {@link io.vigil.session.domain.Channel#audioRate()}) for recording, the PCI pause and
 * playout tracking; the codec between the two is a table lookup per sample. Caller audio goes upstream
 * as {@code input_audio_buffer.append}. Agent audio is sent as one {@code media} message per chunk from the model
 * (fewer, larger messages than Twilio's own 20 ms frames: Twilio buffers what it is sent) followed by a
 * {@code mark}; Twilio echoes the mark when that audio has been played, which is how barge-in knows
 * what the caller heard. The upstream session is set to server VAD without automatic responses: the gateway asks for
 * each response itself, so a held tool call or a withheld disclosure is never talked over.
 *
 * <p>Bad Twilio frames (malformed, oversized, media before {@code start}, anything after {@code stop}) are counted in
 * the session's metrics and otherwise ignored; they never end the call.
 */
public final class TwilioCallGateway {

    private final BiFunction<TwilioMessage.Start, Consumer<SessionAction>, LiveSession> sessions;
    private final ToolRunner tools;
    private final Consumer<String> toTwilio;
    private final EventUpstream toUpstream;
    private final Consumer<String> hangUp;
    private final TwilioCodec twilio = new TwilioCodec();
    private final RealtimeCodec realtime = new RealtimeCodec();
    private final UpstreamTranslator upstream = new UpstreamTranslator();
    private final TelephoneAudio audio = new TelephoneAudio();
    private LiveSession session;
    private String streamSid;
    private boolean stopped;
    private long badFramesBeforeStart;

    /**
     * @param sessions  opens the live session for a stream once its {@code start} names the agent profile (the
     *                  container resolves tenant, policy and sinks there); it must pass the given action consumer
     * @param tools     runs tool calls the session lets through
     * @param toTwilio  sends a frame to Twilio
     * @param toUpstream sends a frame to the upstream model
     * @param hangUp    closes both connections, with a reason a person can read
     */
    public TwilioCallGateway(BiFunction<TwilioMessage.Start, Consumer<SessionAction>, LiveSession> sessions,
                             ToolRunner tools, Consumer<String> toTwilio, Consumer<String> toUpstream,
                             Consumer<String> hangUp) {
        this(sessions, tools, toTwilio, hangUp, encoded(toUpstream));
    }

    /**
     * As above, for an upstream that takes client events as they are (the embedded agent in this JVM): no JSON and
     * no base64 between the gateway and the model. Its server events then come in through
     * {@link #fromUpstream(RealtimeEvent)}.
     */
    public static TwilioCallGateway withEventUpstream(
            BiFunction<TwilioMessage.Start, Consumer<SessionAction>, LiveSession> sessions, ToolRunner tools,
            Consumer<String> toTwilio, Consumer<String> hangUp, EventUpstream toUpstream) {
        return new TwilioCallGateway(sessions, tools, toTwilio, hangUp, toUpstream);
    }

    private TwilioCallGateway(BiFunction<TwilioMessage.Start, Consumer<SessionAction>, LiveSession> sessions,
                              ToolRunner tools, Consumer<String> toTwilio, Consumer<String> hangUp,
                              EventUpstream toUpstream) {
        this.sessions = sessions;
        this.tools = tools;
        this.toTwilio = toTwilio;
        this.toUpstream = toUpstream;
        this.hangUp = hangUp;
    }

    /** Where client events go: written as frames, or handed over as they are to an upstream in this JVM. */
    @FunctionalInterface
    public interface EventUpstream {
        void accept(RealtimeEvent event);
    }

    private static EventUpstream encoded(Consumer<String> frames) {
        RealtimeCodec codec = new RealtimeCodec();
        return event -> frames.accept(codec.encode(event));
    }

    public synchronized void fromTwilio(String frame) {
        TwilioCodec.Decoded d = twilio.decode(frame);
        if (d instanceof TwilioCodec.Decoded.Rejected r) {
            bad("twilio", r.reason());
            return;
        }
        TwilioMessage m = ((TwilioCodec.Decoded.Accepted) d).message();
        if (stopped) {
            bad("twilio", "frame after stop");
        } else if (m instanceof TwilioMessage.Start s) {
            start(s);
        } else if (session == null) {
            if (!(m instanceof TwilioMessage.Connected)) {
                badFramesBeforeStart++;
            }
        } else if (m instanceof TwilioMessage.Media media) {
            session.on(new CanonicalEvent.CallerAudio(MuLawCodec.decodeToPcm16(media.payload())));
        } else if (m instanceof TwilioMessage.Mark mark) {
            session.on(new CanonicalEvent.PlaybackMark(mark.name()));
        } else if (m instanceof TwilioMessage.Dtmf dtmf) {
            session.on(new CanonicalEvent.Dtmf(dtmf.digit()));
        } else if (m instanceof TwilioMessage.Stop) {
            stopped = true;
            session.on(new CanonicalEvent.Hangup("CALLER"));
        }
    }

    public synchronized void fromUpstream(String frame) {
        RealtimeCodec.Decoded d = realtime.decode(frame);
        if (d instanceof RealtimeCodec.Decoded.Rejected r) {
            bad("upstream", r.error().message());
            return;
        }
        fromUpstream(((RealtimeCodec.Decoded.Accepted) d).event());
    }

    /** A server event of an upstream in this JVM, already decoded. */
    public synchronized void fromUpstream(RealtimeEvent event) {
        if (event instanceof RealtimeEvent.SessionState s && !s.created()) {
            audio.confirmed(s.session()); // the formats the upstream really took
        }
        if (session != null) {
            upstream.translate(event).map(this::atCallRate).ifPresent(session::on);
        }
    }

    private CanonicalEvent atCallRate(CanonicalEvent e) {
        return e instanceof CanonicalEvent.AgentAudio a
                ? new CanonicalEvent.AgentAudio(a.responseId(), a.itemId(), audio.fromUpstream(a.pcm())) : e;
    }

    /** Frames refused before the session existed (they are added to its metrics once it does). */
    public synchronized long badFramesBeforeStart() {
        return badFramesBeforeStart;
    }

    private void start(TwilioMessage.Start s) {
        if (session != null) {
            bad("twilio", "second start on one stream");
            return;
        }
        streamSid = s.streamSid();
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        TelephoneAudio.askForMuLaw(config);
        config.putObject("turn_detection").put("type", "server_vad").put("create_response", false)
                .put("interrupt_response", true);
        config.putObject("input_audio_transcription").put("model", "whisper-1");
        toUpstream.accept(new RealtimeEvent.SessionUpdate(null, config));
        session = sessions.apply(s, this::act);
        for (long i = 0; i < badFramesBeforeStart; i++) {
            session.on(new CanonicalEvent.ProtocolError("twilio", "before_start", "frame before start"));
        }
        session.begin();
    }

    private void act(SessionAction a) {
        if (a instanceof SessionAction.SendCallerAudio s) {
            toUpstream.accept(new RealtimeEvent.InputAudioAppend(null, audio.toUpstream(s.pcm())));
        } else if (a instanceof SessionAction.PlayToCaller p) {
            // one media message per chunk of agent audio, as it came from the model: Twilio buffers and plays it
            // 20 ms at a time, and the mark after it says when it has all been played
            byte[] mu = MuLawCodec.encodePcm16(p.pcm());
            if (mu.length > 0) {
                toTwilio.accept(twilio.encode(TwilioMessage.Media.outbound(streamSid, mu)));
            }
            toTwilio.accept(twilio.encode(new TwilioMessage.Mark(streamSid, -1, p.markName())));
        } else if (a instanceof SessionAction.StopPlayback) {
            toTwilio.accept(twilio.encode(new TwilioMessage.Clear(streamSid)));
            audio.playbackStopped();
        } else if (a instanceof SessionAction.TruncateAgentItem t) {
            toUpstream.accept(new RealtimeEvent.ItemTruncate(null, t.itemId(), 0, t.audioEndMs()));
        } else if (a instanceof SessionAction.RequestResponse r) {
            ObjectNode response = null;
            if (r.instructions() != null) {
                response = JsonNodeFactory.instance.objectNode().put("instructions", r.instructions());
            }
            toUpstream.accept(new RealtimeEvent.ResponseCreate(null, response));
        } else if (a instanceof SessionAction.RunTool t) {
            toolOutput(t.callId(), tools.run(t.name(), t.arguments()));
        } else if (a instanceof SessionAction.DeclineTool t) {
            toolOutput(t.callId(), t.output());
        } else if (a instanceof SessionAction.EndCall e) {
            stopped = true;
            hangUp.accept(e.reason());
        }
    }

    private void toolOutput(String callId, String output) {
        toUpstream.accept(new RealtimeEvent.ItemCreate(null, null,
                ConversationItem.functionCallOutput(callId, output)));
        toUpstream.accept(new RealtimeEvent.ResponseCreate(null, null));
    }

    private void bad(String source, String reason) {
        if (session != null) {
            session.on(new CanonicalEvent.ProtocolError(source, "bad_frame", reason));
        } else {
            badFramesBeforeStart++;
        }
    }
}
