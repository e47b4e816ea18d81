package io.vigil.session.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.realtime.ConversationItem;
import io.vigil.session.realtime.RealtimeCodec;
import io.vigil.session.realtime.RealtimeEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One session through the {@code /v1/realtime} door: an OpenAI Realtime client on one side (an agent built on the
 * OpenAI SDK, pointed at Vigil), the agent profile's upstream on the other, a {@link LiveSession} in between with
 * {@code gatewayDriven=false}, because the client drives the model. Transport-free: the container endpoint passes
 * every client frame to {@link #fromClient} and every upstream frame to {@link #fromUpstream}.
 *
 * <p>What is governed on the way:
 * <ul>
 *   <li>Caller audio ({@code input_audio_buffer.append}) goes through the pipeline (recorded only after consent) and
 *       on to the upstream.</li>
 *   <li>Agent audio, under either name ({@code response.audio.delta} or {@code response.output_audio.delta}), reaches
 *       the client only as the pipeline releases it: held until the AI disclosure is heard, dropped after a barge-in.
 *       Released audio is re-sent in the naming the upstream used.</li>
 *   <li>A client's own {@code conversation.item.truncate} is clamped to the audio that was really forwarded.</li>
 *   <li>A tool call ({@code response.function_call_arguments.done}) reaches the client only when the pipeline lets it
 *       run; a high-risk one waits for the caller's yes, and a no answers the model with a declined output.</li>
 *   <li>Everything else the upstream sends is relayed byte for byte, after the pipeline has seen it (so a barge-in is
 *       recorded before the client hears of {@code speech_started}).</li>
 * </ul>
 *
 * <p>Bad client frames never reach the upstream: malformed JSON, bad base64, oversized frames, server events, event
 * types the Realtime protocol does not have, audio formats other than PCM16 24 kHz and G.711 ({@link ClientAudio}
 * converts those at the door), and anything after the session ended get an {@code error} event back
 * ({@code invalid_request_error} with a code that says which) and are counted in the session's metrics. The session goes on.
 */
public final class RealtimeRelay {

    /** Client events of the Realtime protocol (beta and GA) that are relayed as they are. */
    static final Set<String> CLIENT_EVENTS = Set.of("session.update", "input_audio_buffer.append",
            "input_audio_buffer.commit", "input_audio_buffer.clear", "conversation.item.create",
            "conversation.item.truncate", "conversation.item.delete", "conversation.item.retrieve", "response.create",
            "response.cancel", "output_audio_buffer.clear", "transcription_session.update");

    private record Output(RealtimeEvent.AudioDelta first) {
    }

    private final Function<Consumer<SessionAction>, LiveSession> sessions;
    private final Consumer<String> toClient;
    private final Consumer<String> toUpstream;
    private final Consumer<String> hangUp;
    private final RealtimeCodec client;
    private final RealtimeCodec upstreamCodec = new RealtimeCodec();
    private final UpstreamTranslator upstream = new UpstreamTranslator();
    private final ClientAudio clientAudio = new ClientAudio();
    private final Map<String, Output> outputs = new HashMap<>();
    private final Map<String, Long> forwardedBytes = new HashMap<>();
    private final Map<String, String> heldToolFrames = new HashMap<>();
    private LiveSession session;
    private long eventIds;

    /**
     * @param sessions   opens the live session; it must pass the given action consumer to the {@link LiveSession}
     * @param client     the codec for client frames (its frame limit is the door's)
     * @param toClient   sends a frame to the client without blocking
     * @param toUpstream sends a frame to the upstream without blocking
     * @param hangUp     closes both connections, with a reason a person can read
     */
    public RealtimeRelay(Function<Consumer<SessionAction>, LiveSession> sessions, RealtimeCodec client,
                         Consumer<String> toClient, Consumer<String> toUpstream, Consumer<String> hangUp) {
        this.sessions = sessions;
        this.client = client;
        this.toClient = toClient;
        this.toUpstream = toUpstream;
        this.hangUp = hangUp;
    }

    /** Opens the session; {@code profileSettings} (voice, instructions) go upstream first, if any. */
    public synchronized void start(ObjectNode profileSettings) {
        if (profileSettings != null && !profileSettings.isEmpty()) {
            toUpstream.accept(upstreamCodec.encode(new RealtimeEvent.SessionUpdate(null, profileSettings)));
        }
        session = sessions.apply(this::act);
        session.begin();
    }

    public synchronized LiveSession session() {
        return session;
    }

    public synchronized void fromClient(String frame) {
        if (session == null || session.ended()) {
            refuse("session_ended", "the session has ended; open a new one", null);
            return;
        }
        RealtimeCodec.Decoded d = client.decode(frame);
        if (d instanceof RealtimeCodec.Decoded.Rejected r) {
            toClient.accept(client.encode(r.error()));
            session.on(new CanonicalEvent.ProtocolError("client", r.error().code(), r.error().message()));
            return;
        }
        RealtimeCodec.Decoded.Accepted a = (RealtimeCodec.Decoded.Accepted) d;
        RealtimeEvent e = a.event();
        if (!CLIENT_EVENTS.contains(e.type())) {
            refuse("unknown_event", "'" + e.type() + "' is not a Realtime client event; see the client events of "
                    + "the OpenAI Realtime API", e.eventId());
        } else if (e instanceof RealtimeEvent.InputAudioAppend append) {
            if (!clientAudio.wholeSamples(append.audio())) {
                refuse("invalid_audio", "input_audio_buffer.append: PCM16 audio has two bytes per sample",
                        e.eventId());
            } else {
                session.on(new CanonicalEvent.CallerAudio(clientAudio.toPipeline(append.audio())));
            }
        } else if (e instanceof RealtimeEvent.ItemTruncate t) {
            long forwardedMs = Pcm16.durationMs(forwardedBytes.getOrDefault(t.itemId(), 0L), Pcm16.REALTIME_RATE);
            toUpstream.accept(upstreamCodec.encode(new RealtimeEvent.ItemTruncate(t.eventId(), t.itemId(),
                    t.contentIndex(), Math.min(t.audioEndMs(), forwardedMs))));
        } else if (e instanceof RealtimeEvent.SessionUpdate u) {
            ObjectNode upstreamSession = u.session().deepCopy();
            String unsupported = clientAudio.update(upstreamSession);
            if (unsupported != null) {
                refuse("unsupported_audio_format", unsupported, e.eventId());
            } else if (upstreamSession.equals(u.session())) {
                toUpstream.accept(a.raw());
            } else {
                toUpstream.accept(upstreamCodec.encode(new RealtimeEvent.SessionUpdate(u.eventId(), upstreamSession)));
            }
        } else {
            toUpstream.accept(a.raw());
        }
    }

    public synchronized void fromUpstream(String frame) {
        RealtimeCodec.Decoded d = upstreamCodec.decode(frame);
        if (d instanceof RealtimeCodec.Decoded.Rejected r) {
            if (session != null) {
                session.on(new CanonicalEvent.ProtocolError("upstream", r.error().code(), r.error().message()));
            }
            return;
        }
        RealtimeCodec.Decoded.Accepted a = (RealtimeCodec.Decoded.Accepted) d;
        RealtimeEvent e = a.event();
        if (session == null) {
            toClient.accept(a.raw()); // session.created arrives before the door's session exists
            return;
        }
        if (e instanceof RealtimeEvent.AudioDelta delta) {
            outputs.putIfAbsent(delta.itemId(), new Output(delta));
            upstream.translate(e).ifPresent(session::on); // released audio comes back as PlayToCaller
            return;
        }
        if (e instanceof RealtimeEvent.FunctionCallArgumentsDone f) {
            heldToolFrames.put(f.callId(), a.raw()); // released by RunTool, answered by DeclineTool
            upstream.translate(e).ifPresent(session::on);
            return;
        }
        upstream.translate(e).ifPresent(session::on);
        if (e instanceof RealtimeEvent.SessionState state && clientAudio.asClientSees(state.session()) != null) {
            toClient.accept(client.encode(new RealtimeEvent.SessionState(state.eventId(), state.created(),
                    clientAudio.asClientSees(state.session()))));
            return;
        }
        toClient.accept(a.raw());
    }

    /** The client went away or the upstream failed: ends the pipeline (idempotent). */
    public synchronized void end(String endedBy) {
        if (session != null) {
            session.end(endedBy);
        }
    }

    private void act(SessionAction action) {
        if (action instanceof SessionAction.SendCallerAudio s) {
            toUpstream.accept(upstreamCodec.encode(new RealtimeEvent.InputAudioAppend(null, s.pcm())));
        } else if (action instanceof SessionAction.PlayToCaller p) {
            Output out = outputs.get(p.itemId());
            RealtimeEvent.AudioDelta first = out.first();
            forwardedBytes.merge(p.itemId(), (long) p.pcm().length, Long::sum);
            toClient.accept(client.encode(new RealtimeEvent.AudioDelta(nextEventId(), upstream.naming(),
                    first.responseId(), p.itemId(), first.outputIndex(), first.contentIndex(),
                    clientAudio.toClient(p.pcm()))));
        } else if (action instanceof SessionAction.TruncateAgentItem t) {
            toUpstream.accept(upstreamCodec.encode(new RealtimeEvent.ItemTruncate(null, t.itemId(), 0,
                    t.audioEndMs())));
        } else if (action instanceof SessionAction.RequestResponse r) {
            ObjectNode response = null;
            if (r.instructions() != null) {
                response = JsonNodeFactory.instance.objectNode().put("instructions", r.instructions());
            }
            toUpstream.accept(upstreamCodec.encode(new RealtimeEvent.ResponseCreate(null, response)));
        } else if (action instanceof SessionAction.RunTool t) {
            String held = heldToolFrames.remove(t.callId());
            if (held != null) {
                toClient.accept(held); // the client runs its own tools
            }
        } else if (action instanceof SessionAction.DeclineTool t) {
            heldToolFrames.remove(t.callId());
            toUpstream.accept(upstreamCodec.encode(new RealtimeEvent.ItemCreate(null, null,
                    ConversationItem.functionCallOutput(t.callId(), t.output()))));
            toUpstream.accept(upstreamCodec.encode(new RealtimeEvent.ResponseCreate(null, null)));
        } else if (action instanceof SessionAction.EndCall e) {
            hangUp.accept(e.reason());
        }
        // StopPlayback: the client hears of the barge-in from the speech_started that follows, and gets no more
        // audio of the item
    }

    private void refuse(String code, String message, String causeEventId) {
        toClient.accept(client.encode(client.error(code, message, null, causeEventId)));
        if (session != null) {
            session.on(new CanonicalEvent.ProtocolError("client", code, message));
        }
    }

    private String nextEventId() {
        return "event_vigil_audio_" + (++eventIds);
    }
}
