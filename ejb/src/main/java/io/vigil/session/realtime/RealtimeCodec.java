package io.vigil.session.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.session.audio.AudioFormatException;
import io.vigil.session.audio.Base64Audio;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parses and writes OpenAI Realtime frames (one JSON object per WebSocket text message, discriminated by
 * {@code type}). {@link #decode} never throws: a frame that is too large, not JSON, not an object, without a type, or
 * with a known type but a missing or mistyped field gives a {@link Decoded.Rejected} carrying the {@code error}
 * event to send back ({@code error.type = invalid_request_error}, {@code code} one of {@code frame_too_large},
 * {@code invalid_json}, {@code missing_type}, {@code missing_field}, {@code invalid_field}, {@code invalid_audio}).
 * The session goes on; nothing already accepted is affected. Unknown types are {@link RealtimeEvent.Unknown} and keep
 * their text. Thread-safe.
 */
public final class RealtimeCodec {

    /**
     * Largest frame accepted, in characters: 2 MiB, about 16 s of 24 kHz PCM16 in one append. OpenAI's own clients
     * send 20 to 100 ms per append; anything this large is a bug or an attack.
     */
    public static final int DEFAULT_MAX_FRAME_CHARS = 2 * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final int maxFrameChars;
    private final AtomicLong errorIds = new AtomicLong();

    /** The outcome of reading one frame. */
    public sealed interface Decoded {
        /** An event, and the frame's original text (relay it when nothing about the event changes). */
        record Accepted(RealtimeEvent event, String raw) implements Decoded {
        }

        /** The frame was refused; {@code error} says why and is ready to send to whoever sent the frame. */
        record Rejected(RealtimeEvent.Error error) implements Decoded {
        }
    }

    public RealtimeCodec() {
        this(DEFAULT_MAX_FRAME_CHARS);
    }

    public RealtimeCodec(int maxFrameChars) {
        this.maxFrameChars = maxFrameChars;
    }

    public int maxFrameChars() {
        return maxFrameChars;
    }

    public String encode(RealtimeEvent event) {
        if (event instanceof RealtimeEvent.Unknown u) {
            return u.raw();
        }
        try {
            return MAPPER.writeValueAsString(event.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.type(), e);
        }
    }

    public Decoded decode(String frame) {
        if (frame == null || frame.isEmpty()) {
            return reject("invalid_json", null, null, "empty frame; send one JSON object per message");
        }
        if (frame.length() > maxFrameChars) {
            return reject("frame_too_large", null, null, "frame of " + frame.length() + " characters exceeds the "
                    + maxFrameChars + "-character limit; split audio into smaller input_audio_buffer.append events");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(frame);
        } catch (JsonProcessingException e) {
            return reject("invalid_json", null, null, "frame is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            return reject("invalid_json", null, null, "frame must be a JSON object with a 'type'");
        }
        String eventId = root.path("event_id").isTextual() ? root.get("event_id").textValue() : null;
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.isTextual() || typeNode.textValue().isEmpty()) {
            return reject("missing_type", "type", eventId, "frame has no 'type'; every event needs one");
        }
        try {
            return new Decoded.Accepted(parse(typeNode.textValue(), eventId, root, frame), frame);
        } catch (ProtocolViolation v) {
            return reject(v.code, v.param, eventId, typeNode.textValue() + ": " + v.getMessage());
        } catch (AudioFormatException a) {
            return reject("invalid_audio", "audio", eventId, typeNode.textValue() + ": " + a.getMessage());
        }
    }

    /** An error event Vigil itself raises (for example a policy refusal), with a fresh event id. */
    public RealtimeEvent.Error error(String code, String message, String param, String causeEventId) {
        return new RealtimeEvent.Error("event_vigil_" + errorIds.incrementAndGet(), "invalid_request_error", code,
                message, param, causeEventId);
    }

    static ObjectNode reparse(String raw) {
        try {
            return (ObjectNode) MAPPER.readTree(raw);
        } catch (JsonProcessingException | ClassCastException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private Decoded reject(String code, String param, String eventId, String message) {
        return new Decoded.Rejected(error(code, message, param, eventId));
    }

    private static RealtimeEvent parse(String type, String id, JsonNode n, String raw) {
        switch (type) {
            case "session.update":
                return new RealtimeEvent.SessionUpdate(id, requiredObject(n, "session"));
            case "input_audio_buffer.append":
                return new RealtimeEvent.InputAudioAppend(id, Base64Audio.decode(Json.text(n, "audio")));
            case "input_audio_buffer.commit":
                return new RealtimeEvent.InputAudioCommit(id);
            case "conversation.item.create":
                return new RealtimeEvent.ItemCreate(id, Json.optText(n, "previous_item_id"),
                        ConversationItem.parse(requiredObject(n, "item")));
            case "conversation.item.truncate":
                return new RealtimeEvent.ItemTruncate(id, Json.text(n, "item_id"), (int) Json.optLong(n,
                        "content_index", 0), Json.nonNegative(n, "audio_end_ms"));
            case "response.create":
                return new RealtimeEvent.ResponseCreate(id, Json.optObject(n, "response"));
            case "response.cancel":
                return new RealtimeEvent.ResponseCancel(id, Json.optText(n, "response_id"));
            case "session.created":
            case "session.updated":
                return new RealtimeEvent.SessionState(id, type.equals("session.created"), requiredObject(n,
                        "session"));
            case "input_audio_buffer.speech_started":
                return new RealtimeEvent.SpeechStarted(id, Json.nonNegative(n, "audio_start_ms"),
                        Json.optText(n, "item_id"));
            case "input_audio_buffer.speech_stopped":
                return new RealtimeEvent.SpeechStopped(id, Json.nonNegative(n, "audio_end_ms"),
                        Json.optText(n, "item_id"));
            case "input_audio_buffer.committed":
                return new RealtimeEvent.InputAudioCommitted(id, Json.optText(n, "previous_item_id"),
                        Json.text(n, "item_id"));
            case "conversation.item.created":
                return new RealtimeEvent.ItemCreated(id, Json.optText(n, "previous_item_id"),
                        ConversationItem.parse(requiredObject(n, "item")));
            case "conversation.item.truncated":
                return new RealtimeEvent.ItemTruncated(id, Json.text(n, "item_id"), (int) Json.optLong(n,
                        "content_index", 0), Json.nonNegative(n, "audio_end_ms"));
            case "conversation.item.input_audio_transcription.completed":
                return new RealtimeEvent.InputTranscriptionCompleted(id, Json.text(n, "item_id"),
                        (int) Json.optLong(n, "content_index", 0), Json.text(n, "transcript"));
            case "response.created":
                return new RealtimeEvent.ResponseCreated(id, requiredObject(n, "response").path("id").asText(null));
            case "response.function_call_arguments.done":
                return new RealtimeEvent.FunctionCallArgumentsDone(id, Json.optText(n, "response_id"),
                        Json.optText(n, "item_id"), (int) Json.optLong(n, "output_index", 0),
                        Json.text(n, "call_id"), Json.text(n, "name"), Json.text(n, "arguments"));
            case "response.done":
                return new RealtimeEvent.ResponseDone(id, requiredObject(n, "response"));
            case "error":
                ObjectNode e = requiredObject(n, "error");
                return new RealtimeEvent.Error(id, e.path("type").asText("server_error"), Json.optText(e, "code"),
                        e.path("message").asText(""), Json.optText(e, "param"), Json.optText(e, "event_id"));
            default:
                return parseAudioOutput(type, id, n, raw);
        }
    }

    private static RealtimeEvent parseAudioOutput(String type, String id, JsonNode n, String raw) {
        for (AudioEventNaming naming : AudioEventNaming.values()) {
            if (type.equals(naming.audioDelta())) {
                return new RealtimeEvent.AudioDelta(id, naming, Json.optText(n, "response_id"), Json.text(n,
                        "item_id"), index(n, "output_index"), index(n, "content_index"),
                        Base64Audio.decode(Json.text(n, "delta")));
            }
            if (type.equals(naming.audioDone())) {
                return new RealtimeEvent.AudioDone(id, naming, Json.optText(n, "response_id"),
                        Json.text(n, "item_id"), index(n, "output_index"), index(n, "content_index"));
            }
            if (type.equals(naming.transcriptDelta())) {
                return new RealtimeEvent.TranscriptDelta(id, naming, Json.optText(n, "response_id"),
                        Json.text(n, "item_id"), index(n, "output_index"), index(n, "content_index"),
                        Json.text(n, "delta"));
            }
            if (type.equals(naming.transcriptDone())) {
                return new RealtimeEvent.TranscriptDone(id, naming, Json.optText(n, "response_id"),
                        Json.text(n, "item_id"), index(n, "output_index"), index(n, "content_index"),
                        Json.text(n, "transcript"));
            }
        }
        return new RealtimeEvent.Unknown(type, id, raw);
    }

    private static int index(JsonNode n, String field) {
        return (int) Json.optLong(n, field, 0);
    }

    private static ObjectNode requiredObject(JsonNode n, String field) {
        ObjectNode o = Json.optObject(n, field);
        if (o == null) {
            throw new ProtocolViolation("missing_field", field, "'" + field + "' object is required");
        }
        return o;
    }
}
