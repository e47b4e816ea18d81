package io.vigil.session.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.session.audio.MediaClock;
import io.vigil.session.audio.MuLawCodec;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.audio.Resampler;
import io.vigil.session.audio.VoiceActivityDetector;
import io.vigil.session.realtime.AudioEventNaming;
import io.vigil.session.realtime.ConversationItem;
import io.vigil.session.realtime.RealtimeCodec;
import io.vigil.session.realtime.RealtimeEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The embedded default agent: one simulated OpenAI Realtime session, transport-free. The WebSocket wrapper feeds it
 * client frames ({@link #onClientFrame}), calls {@link #advance()} on a timer (every 20 ms is plenty) to stream audio
 * in real time, and sends every server event it emits.
 *
 * <p>What it does, as the Realtime protocol says:
 * <ul>
 *   <li>{@code session.update}: input/output format {@code pcm16} (24 kHz) or {@code g711_ulaw} (8 kHz, heard and
 *       spoken at 8 kHz without resampling on the way), beta or GA field names; {@code turn_detection} null means
 *       the client commits; answered with {@code session.updated}.</li>
 *   <li>Server VAD from audio energy ({@link VoiceActivityDetector}): {@code speech_started} (cancelling a response
 *       in progress, reason {@code turn_detected}), {@code speech_stopped}, then the commit, a transcript and a reply.
 *       There is no speech recogniser: a committed utterance is transcribed as the next line of the scripted caller,
 *       or as the transcript the client attached to an {@code input_audio} item.</li>
 *   <li>Replies come from the {@link AgentScript}: the greeting first (AI disclosure and consent question), then the
 *       consent answer, then keyword-matched answers. {@code response.create} with instructions
 *       {@code "Say exactly: ..."} speaks that text, as an obedient model would.</li>
 *   <li>Audio ({@link SpeechSynthesizer}) streams as {@code response.output_audio.delta} (or the beta name) chunks, at
 *       {@code speed} times real time, with word-by-word transcript deltas; {@code response.cancel} and
 *       {@code conversation.item.truncate} behave as upstream (truncating past the audio is an error).</li>
 * </ul>
 * Methods are synchronised: the transport's reader and its timer may call from different threads.
 */
public final class RealtimeSimulator {

    /** Pace and naming. {@code speed <= 0} sends a whole reply at once. */
    public record Settings(AudioEventNaming naming, double speed, int chunkMs, VoiceActivityDetector.Settings vad) {
        public static Settings defaults() {
            return new Settings(AudioEventNaming.GA, 4.0, 100, VoiceActivityDetector.Settings.defaults());
        }
    }

    private enum Stage { GREETING, AWAITING_CONSENT, CONVERSING }

    private record AgentItem(long audioMs, List<SpeechSynthesizer.Word> words) {
    }

    private final class Active {
        final String responseId = id("resp");
        final String itemId = id("item");
        final SpeechSynthesizer.Speech speech;
        /** The reply in the session's output format: PCM16 24 kHz (2 bytes a sample) or mu-law 8 kHz (1 byte). */
        final byte[] audio;
        final int bytesPerMs;
        final long startedAt = clock.nowMillis();
        int sentBytes;
        int wordsSent;

        Active(SpeechSynthesizer.Speech speech, boolean mulaw) {
            this.speech = speech;
            this.audio = mulaw ? MULAW.computeIfAbsent(speech, RealtimeSimulator::mulaw) : speech.pcm16();
            this.bytesPerMs = mulaw ? Pcm16.TELEPHONE_RATE / 1_000 : Pcm16.bytesFor(1, Pcm16.REALTIME_RATE);
        }

        long sentMs() {
            return sentBytes / bytesPerMs;
        }
    }

    /** A reply as G.711 mu-law 8 kHz, made once per reply (the replies are cached, so this is too). */
    private static byte[] mulaw(SpeechSynthesizer.Speech speech) {
        return MuLawCodec.encode(Resampler.downsampler24kTo8k().process(Pcm16.fromBytes(speech.pcm16())));
    }

    private final AgentScript script;
    private final Settings settings;
    private final MediaClock clock;
    private final Consumer<RealtimeEvent> out;
    private final RealtimeCodec codec = new RealtimeCodec();
    private static final SpeechSynthesizer SYNTH = new SpeechSynthesizer();
    /**
     * Replies already synthesised, by text: a script says the same few lines in every call, and synthesis costs far
     * more than the call's audio path. Bounded; the simulator only reads the audio, never changes it.
     */
    private static final Map<String, SpeechSynthesizer.Speech> SPOKEN = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SpeechSynthesizer.Speech> eldest) {
                    return size() > 256;
                }
            });
    /** The mu-law renditions of cached replies; weak keys, so they go when {@link #SPOKEN} drops the reply. */
    private static final Map<SpeechSynthesizer.Speech, byte[]> MULAW = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());
    private final Deque<String> callerLines;
    private final Map<String, AgentItem> agentItems = new HashMap<>();
    /** Bytes appended since the last commit (the audio itself is not needed: there is no recogniser). */
    private long inputBytes;
    private final ObjectNode session = JsonNodeFactory.instance.objectNode();
    private VoiceActivityDetector vad;
    private VoiceActivityDetector.Settings vadSettings;
    private boolean serverVad = true;
    private boolean createResponse = true;
    private boolean interruptResponse = true;
    private boolean inputMulaw;
    private boolean outputMulaw;
    private Stage stage = Stage.GREETING;
    private String speechItemId;
    private String lastItemId;
    private String pendingUserText;
    private String pendingToolReply;
    private Active active;
    private long ids;

    public RealtimeSimulator(AgentScript script, List<String> scriptedCaller, Settings settings, MediaClock clock,
                             Consumer<RealtimeEvent> out) {
        this.script = script;
        this.callerLines = new ArrayDeque<>(scriptedCaller);
        this.settings = settings;
        this.clock = clock;
        this.out = out;
        this.vadSettings = settings.vad();
        this.vad = new VoiceActivityDetector(Pcm16.REALTIME_RATE, vadSettings);
        session.put("id", "sess_sim_1").put("object", "realtime.session").put("model", "vigil-simulator")
                .put("voice", "alloy").put("input_audio_format", "pcm16").put("output_audio_format", "pcm16")
                .put("instructions", "Agent profile " + script.profile());
        session.putArray("modalities").add("audio").add("text");
        ObjectNode td = session.putObject("turn_detection");
        td.put("type", "server_vad").put("prefix_padding_ms", settings.vad().prefixPaddingMs())
                .put("silence_duration_ms", settings.vad().silenceMs()).put("create_response", true)
                .put("interrupt_response", true);
    }

    /** Sends {@code session.created}; call once when the connection opens. */
    public synchronized void start() {
        emit(new RealtimeEvent.SessionState(id("event"), true, session.deepCopy()));
    }

    public synchronized void onClientFrame(String frame) {
        RealtimeCodec.Decoded d = codec.decode(frame);
        if (d instanceof RealtimeCodec.Decoded.Rejected r) {
            emit(r.error());
        } else {
            onClientEvent(((RealtimeCodec.Decoded.Accepted) d).event());
        }
    }

    public synchronized void onClientEvent(RealtimeEvent e) {
        if (e instanceof RealtimeEvent.SessionUpdate u) {
            configure(u.session());
        } else if (e instanceof RealtimeEvent.InputAudioAppend a) {
            appendAudio(a.audio());
        } else if (e instanceof RealtimeEvent.InputAudioCommit c) {
            if (inputBytes == 0) {
                error("input_audio_buffer_commit_empty", "the input audio buffer is empty; append audio first",
                        c.eventId());
            } else {
                commit(nextTranscript(), speechItemId != null ? speechItemId : id("item"));
            }
        } else if (e instanceof RealtimeEvent.ItemCreate c) {
            createItem(c);
        } else if (e instanceof RealtimeEvent.ItemTruncate t) {
            truncate(t);
        } else if (e instanceof RealtimeEvent.ResponseCreate r) {
            if (active != null) {
                error("conversation_already_has_active_response", "a response is already in progress; cancel it "
                        + "first", r.eventId());
            } else {
                respond(r.instructions());
            }
        } else if (e instanceof RealtimeEvent.ResponseCancel c) {
            if (active == null) {
                error("response_cancel_not_active", "there is no response in progress to cancel", c.eventId());
            } else {
                cancel("client_cancelled");
            }
        } else {
            error("invalid_event", "'" + e.type() + "' is not a client event this agent accepts", e.eventId());
        }
    }

    /** Streams the audio that is due; the transport calls this on a timer. */
    public synchronized void advance() {
        if (active == null) {
            return;
        }
        Active a = active;
        int total = a.audio.length;
        int chunkBytes = settings.chunkMs() * a.bytesPerMs;
        double dueMs = settings.speed() <= 0 ? Double.MAX_VALUE
                : (clock.nowMillis() - a.startedAt) * settings.speed() + settings.chunkMs();
        while (a.sentBytes < total && a.sentMs() < dueMs) {
            int n = Math.min(chunkBytes, total - a.sentBytes);
            long chunkEndMs = (a.sentBytes + (long) n) / a.bytesPerMs;
            List<SpeechSynthesizer.Word> words = a.speech.words();
            while (a.wordsSent < words.size() && words.get(a.wordsSent).startMs() < chunkEndMs) {
                String delta = (a.wordsSent == 0 ? "" : " ") + words.get(a.wordsSent).text();
                a.wordsSent++;
                emit(new RealtimeEvent.TranscriptDelta(id("event"), settings.naming(), a.responseId, a.itemId, 0, 0,
                        delta));
            }
            byte[] chunk = java.util.Arrays.copyOfRange(a.audio, a.sentBytes, a.sentBytes + n);
            a.sentBytes += n;
            emit(new RealtimeEvent.AudioDelta(id("event"), settings.naming(), a.responseId, a.itemId, 0, 0, chunk));
        }
        if (a.sentBytes == total) {
            finish(a, "completed", null);
        }
    }

    /** Whether a reply is being streamed (for the transport's timer and for tests). */
    public synchronized boolean responding() {
        return active != null;
    }

    private void configure(ObjectNode update) {
        update.fields().forEachRemaining(f -> session.set(f.getKey(), f.getValue().deepCopy()));
        String in = firstText(update.path("input_audio_format"), update.path("audio").path("input").path("format")
                .path("type"));
        String outFmt = firstText(update.path("output_audio_format"), update.path("audio").path("output")
                .path("format").path("type"));
        if (in != null) {
            boolean mulaw = in.equals("g711_ulaw") || in.equals("audio/pcmu");
            if (mulaw != inputMulaw) {
                inputMulaw = mulaw;
                vad = new VoiceActivityDetector(inputRate(), vadSettings);
            }
        }
        if (outFmt != null) {
            outputMulaw = outFmt.equals("g711_ulaw") || outFmt.equals("audio/pcmu");
        }
        JsonNode td = update.has("turn_detection") ? update.get("turn_detection")
                : update.path("audio").path("input").get("turn_detection");
        if (td != null) {
            serverVad = td.isObject();
            if (serverVad) {
                VoiceActivityDetector.Settings d = settings.vad();
                vadSettings = new VoiceActivityDetector.Settings(d.thresholdDbfs(), d.minSpeechMs(),
                        td.path("silence_duration_ms").asInt(d.silenceMs()),
                        td.path("prefix_padding_ms").asInt(d.prefixPaddingMs()));
                vad = new VoiceActivityDetector(inputRate(), vadSettings);
                createResponse = td.path("create_response").asBoolean(true);
                interruptResponse = td.path("interrupt_response").asBoolean(true);
            }
        }
        emit(new RealtimeEvent.SessionState(id("event"), false, session.deepCopy()));
    }

    /** Input audio is taken at its own rate: mu-law stays 8 kHz, as a hosted model does with telephone audio. */
    private int inputRate() {
        return inputMulaw ? Pcm16.TELEPHONE_RATE : Pcm16.REALTIME_RATE;
    }

    private static String firstText(JsonNode a, JsonNode b) {
        return a.isTextual() ? a.textValue() : b.isTextual() ? b.textValue() : null;
    }

    private void appendAudio(byte[] audio) {
        short[] pcm = inputMulaw ? MuLawCodec.decode(audio) : Pcm16.fromBytes(audio);
        inputBytes += audio.length;
        if (!serverVad) {
            return;
        }
        for (VoiceActivityDetector.Transition t : vad.accept(pcm)) {
            if (t.speechStarted()) {
                speechItemId = id("item");
                emit(new RealtimeEvent.SpeechStarted(id("event"), t.audioMs(), speechItemId));
                if (active != null && interruptResponse) {
                    cancel("turn_detected");
                }
            } else {
                emit(new RealtimeEvent.SpeechStopped(id("event"), t.audioMs(), speechItemId));
                commit(nextTranscript(), speechItemId);
                if (createResponse && active == null) {
                    respond(null);
                }
            }
        }
    }

    private String nextTranscript() {
        String line = callerLines.poll();
        return line == null ? "" : line;
    }

    private void commit(String transcript, String itemId) {
        inputBytes = 0;
        emit(new RealtimeEvent.InputAudioCommitted(id("event"), lastItemId, itemId));
        ConversationItem item = new ConversationItem(itemId, "message", "user", "completed",
                List.of(new ConversationItem.ContentPart("input_audio", null, null, null)), null, null, null, null);
        emit(new RealtimeEvent.ItemCreated(id("event"), lastItemId, item));
        lastItemId = itemId;
        emit(new RealtimeEvent.InputTranscriptionCompleted(id("event"), itemId, 0, transcript));
        pendingUserText = transcript;
        speechItemId = null;
    }

    private void createItem(RealtimeEvent.ItemCreate c) {
        ConversationItem given = c.item();
        String itemId = given.id() != null ? given.id() : id("item");
        ConversationItem item = new ConversationItem(itemId, given.type(), given.role(), "completed",
                given.content(), given.callId(), given.name(), given.arguments(), given.output());
        emit(new RealtimeEvent.ItemCreated(id("event"), lastItemId, item));
        lastItemId = itemId;
        if ("function_call_output".equals(given.type())) {
            return; // the reply that waits for this output is already in pendingToolReply
        }
        if ("user".equals(given.role()) && given.spokenOrWrittenText() != null) {
            pendingUserText = given.spokenOrWrittenText();
        }
    }

    private void respond(String instructions) {
        String say;
        AgentScript.Answer tool = null;
        if (instructions != null && instructions.startsWith("Say exactly:")) {
            say = instructions.substring("Say exactly:".length()).strip();
        } else if (pendingToolReply != null) {
            say = pendingToolReply;
            pendingToolReply = null;
        } else if (stage == Stage.GREETING) {
            say = script.greeting();
            stage = Stage.AWAITING_CONSENT;
        } else if (pendingUserText == null) {
            say = script.fallback();
        } else if (stage == Stage.AWAITING_CONSENT) {
            Boolean yes = consentAnswer(pendingUserText);
            say = yes == null ? script.consentRepeat() : yes ? script.consentThanks() : script.consentDeclined();
            if (yes != null) {
                stage = Stage.CONVERSING;
            }
        } else if (AgentScript.isGoodbye(pendingUserText)) {
            say = script.goodbye();
        } else {
            AgentScript.Answer answer = script.answerFor(pendingUserText);
            say = answer == null ? script.fallback() : answer.reply();
            tool = answer != null && answer.tool() != null ? answer : null;
        }
        pendingUserText = null;
        if (tool != null) {
            callTool(tool);
            return;
        }
        active = new Active(SPOKEN.computeIfAbsent(say, SYNTH::speak), outputMulaw);
        emit(new RealtimeEvent.ResponseCreated(id("event"), active.responseId));
        emit(new RealtimeEvent.ItemCreated(id("event"), lastItemId, new ConversationItem(active.itemId, "message",
                "assistant", "in_progress", List.of(), null, null, null, null)));
        lastItemId = active.itemId;
        advance();
    }

    private void callTool(AgentScript.Answer tool) {
        String responseId = id("resp");
        String itemId = id("item");
        String callId = id("call");
        emit(new RealtimeEvent.ResponseCreated(id("event"), responseId));
        ConversationItem call = new ConversationItem(itemId, "function_call", null, "completed", List.of(), callId,
                tool.tool(), tool.toolArguments(), null);
        emit(new RealtimeEvent.ItemCreated(id("event"), lastItemId, call));
        lastItemId = itemId;
        emit(new RealtimeEvent.FunctionCallArgumentsDone(id("event"), responseId, itemId, 0, callId, tool.tool(),
                tool.toolArguments()));
        pendingToolReply = tool.reply();
        ObjectNode r = responseObject(responseId, "completed", null);
        r.withArrayProperty("output").add(call.toJson());
        emit(new RealtimeEvent.ResponseDone(id("event"), r));
    }

    private void cancel(String reason) {
        finish(active, "cancelled", reason);
    }

    private void finish(Active a, String status, String reason) {
        List<SpeechSynthesizer.Word> heard = a.speech.words().subList(0, a.wordsSent);
        String transcript = String.join(" ", heard.stream().map(SpeechSynthesizer.Word::text).toList());
        agentItems.put(a.itemId, new AgentItem(a.sentMs(), heard));
        if (status.equals("completed")) {
            emit(new RealtimeEvent.AudioDone(id("event"), settings.naming(), a.responseId, a.itemId, 0, 0));
            emit(new RealtimeEvent.TranscriptDone(id("event"), settings.naming(), a.responseId, a.itemId, 0, 0,
                    transcript));
        }
        ObjectNode r = responseObject(a.responseId, status, reason);
        ObjectNode item = r.withArrayProperty("output").addObject();
        item.put("id", a.itemId).put("object", "realtime.item").put("type", "message").put("role", "assistant")
                .put("status", status.equals("completed") ? "completed" : "incomplete");
        item.putArray("content").addObject().put("type", settings.naming() == AudioEventNaming.GA ? "output_audio"
                : "audio").put("transcript", transcript);
        active = null;
        emit(new RealtimeEvent.ResponseDone(id("event"), r));
    }

    private static ObjectNode responseObject(String responseId, String status, String reason) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("id", responseId).put("object", "realtime.response").put("status", status);
        if (reason != null) {
            r.putObject("status_details").put("type", status).put("reason", reason);
        } else {
            r.putNull("status_details");
        }
        r.putArray("output");
        return r;
    }

    private void truncate(RealtimeEvent.ItemTruncate t) {
        if (active != null && active.itemId.equals(t.itemId())) {
            cancel("client_cancelled");
        }
        AgentItem item = agentItems.get(t.itemId());
        if (item == null) {
            error("invalid_value", "no assistant audio item '" + t.itemId() + "' to truncate", t.eventId());
            return;
        }
        if (t.audioEndMs() > item.audioMs()) {
            error("invalid_value", "audio_end_ms " + t.audioEndMs() + " is past the end of the item's audio ("
                    + item.audioMs() + " ms)", t.eventId());
            return;
        }
        agentItems.put(t.itemId(), new AgentItem(t.audioEndMs(), item.words().stream()
                .filter(w -> w.startMs() < t.audioEndMs()).toList()));
        emit(new RealtimeEvent.ItemTruncated(id("event"), t.itemId(), t.contentIndex(), t.audioEndMs()));
    }

    /** The transcript the agent's item keeps after truncation (for tests and the console's replay). */
    public synchronized String agentTranscript(String itemId) {
        AgentItem item = agentItems.get(itemId);
        return item == null ? null : String.join(" ", item.words().stream().map(SpeechSynthesizer.Word::text)
                .toList());
    }

    private static Boolean consentAnswer(String text) {
        String t = " " + text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z' ]", " ") + " ";
        if (t.matches(".*\\b(no|nope|don't|do not|not)\\b.*") && !t.contains("no problem")) {
            return false;
        }
        if (t.matches(".*\\b(yes|yeah|yep|sure|okay|ok|fine|agree|of course|go ahead|no problem)\\b.*")) {
            return true;
        }
        return null;
    }

    private void error(String code, String message, String causeEventId) {
        emit(new RealtimeEvent.Error(id("event"), "invalid_request_error", code, message, null, causeEventId));
    }

    private String id(String prefix) {
        return prefix + "_sim_" + (++ids);
    }

    private void emit(RealtimeEvent e) {
        out.accept(e);
    }
}
