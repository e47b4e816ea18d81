package io.vigil.session.realtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.session.audio.Base64Audio;

/**
 * The OpenAI Realtime events Vigil reads or writes, client events first, then server events. Each knows its
 * {@code type} on the wire and its JSON shape; {@link RealtimeCodec} parses them. Audio is held decoded (raw bytes of
 * the session's audio format), so a bad base64 string is rejected at the edge. Anything else is an
 * {@link Unknown} that keeps its original text and is relayed as it came.
 *
 * <p>{@code eventId} is optional on client events and null means "leave it out".
 */
public sealed interface RealtimeEvent {

    String type();

    String eventId();

    ObjectNode toJson();

    private static ObjectNode head(RealtimeEvent e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", e.type());
        Json.put(o, "event_id", e.eventId());
        return o;
    }

    // ---- client -> server ----

    /** {@code session.update}: the session configuration, kept as the JSON object it is. */
    record SessionUpdate(String eventId, ObjectNode session) implements RealtimeEvent {
        public String type() { return "session.update"; }
        public ObjectNode toJson() { ObjectNode o = head(this); o.set("session", session.deepCopy()); return o; }
    }

    /** {@code input_audio_buffer.append}. */
    record InputAudioAppend(String eventId, byte[] audio) implements RealtimeEvent {
        public String type() { return "input_audio_buffer.append"; }
        public ObjectNode toJson() { ObjectNode o = head(this); o.put("audio", Base64Audio.encode(audio)); return o; }
    }

    /** {@code input_audio_buffer.commit}. */
    record InputAudioCommit(String eventId) implements RealtimeEvent {
        public String type() { return "input_audio_buffer.commit"; }
        public ObjectNode toJson() { return head(this); }
    }

    /** {@code conversation.item.create}. */
    record ItemCreate(String eventId, String previousItemId, ConversationItem item) implements RealtimeEvent {
        public String type() { return "conversation.item.create"; }
        public ObjectNode toJson() {
            ObjectNode o = head(this);
            Json.put(o, "previous_item_id", previousItemId);
            o.set("item", item.toJson());
            return o;
        }
    }

    /** {@code conversation.item.truncate}: the caller heard only the first {@code audioEndMs} of an agent item. */
    record ItemTruncate(String eventId, String itemId, int contentIndex, long audioEndMs) implements RealtimeEvent {
        public String type() { return "conversation.item.truncate"; }
        public ObjectNode toJson() {
            ObjectNode o = head(this);
            o.put("item_id", itemId);
            o.put("content_index", contentIndex);
            o.put("audio_end_ms", audioEndMs);
            return o;
        }
    }

    /** {@code response.create}; {@code response} (instructions, modalities...) may be null. */
    record ResponseCreate(String eventId, ObjectNode response) implements RealtimeEvent {
        public String type() { return "response.create"; }
        public ObjectNode toJson() {
            ObjectNode o = head(this);
            if (response != null) {
                o.set("response", response.deepCopy());
            }
            return o;
        }
        /** The per-response instructions, or null. */
        public String instructions() {
            return response == null || !response.path("instructions").isTextual() ? null
                    : response.get("instructions").textValue();
        }
    }

    /** {@code response.cancel}; {@code responseId} may be null (the one in progress). */
    record ResponseCancel(String eventId, String responseId) implements RealtimeEvent {
        public String type() { return "response.cancel"; }
        public ObjectNode toJson() { ObjectNode o = head(this); Json.put(o, "response_id", responseId); return o; }
    }

    // ---- server -> client ----

    /** {@code session.created} or {@code session.updated}. */
    record SessionState(String eventId, boolean created, ObjectNode session) implements RealtimeEvent {
        public String type() { return created ? "session.created" : "session.updated"; }
        public ObjectNode toJson() { ObjectNode o = head(this); o.set("session", session.deepCopy()); return o; }
    }

    /** {@code input_audio_buffer.speech_started}: the caller began to speak (a barge-in if the agent is talking). */
    record SpeechStarted(String eventId, long audioStartMs, String itemId) implements RealtimeEvent {
        public String type() { return "input_audio_buffer.speech_started"; }
        public ObjectNode toJson() {
            ObjectNode o = head(this);
            o.put("audio_start_ms", audioStartMs);
            Json.put(o, "item_id", itemId);
            return o;
        }
    }

    /** {@code input_audio_buffer.speech_stopped}. */
    record SpeechStopped(String eventId, long audioEndMs, String itemId) implements RealtimeEvent {
        public String type() { return "input_audio_buffer.speech_stopped"; }
        public ObjectNode toJson() {
            ObjectNode o = head(this);
            o.put("audio_end_ms", audioEndMs);
            Json.put(o, "item_id", itemId);
            return o;
        }
    }

    /** {@code input_audio_buffer.committed}. */
    record InputAudioCommitted(String eventId, String previousItemId, String itemId) implements RealtimeEvent {
        public String type() { return "input_audio_buffer.committed"; }
        public ObjectNode toJson() {
            ObjectNode o = head(this);
            Json.put(o, "previous_item_id", previousItemId);
            o.put("item_id", itemId);
            return o;
        }
    }

    /** {@code conversation.item.created}. */
    record ItemCreated(String eventId, String previousItemId, ConversationItem item) implements RealtimeEvent {
        public String type() { return "conversation.item.created"; }
        public ObjectNode toJson() {
            ObjectNode o = head(this);
            o.set("previous_item_id", previousItemId == null ? o.nullNode() : o.textNode(previousItemId));
            o.set("item", item.toJson());
            return o;
        }
    }

    /** {@code conversation.item.truncated}. */
    record ItemTruncated(String eventId, String itemId, int contentIndex, long audioEndMs) implements RealtimeEvent {
        public String type() { return "conversation.item.truncated"; }
        public ObjectNode toJson() {
            ObjectNode o = head(this);
            o.put("item_id", itemId);
            o.put("content_index", contentIndex);
            o.put("audio_end_ms", audioEndMs);
            return o;
        }
    }

    /** {@code conversation.item.input_audio_transcription.completed}: what the caller said. */
    record InputTranscriptionCompleted(String eventId, String itemId, int contentIndex, String transcript)
            implements RealtimeEvent {
        public String type() { return "conversation.item.input_audio_transcription.completed"; }
        public ObjectNode toJson() {
            ObjectNode o = head(this);
            o.put("item_id", itemId);
            o.put("content_index", contentIndex);
            o.put("transcript", transcript);
            return o;
        }
    }

    /** {@code response.created}. */
    record ResponseCreated(String eventId, String responseId) implements RealtimeEvent {
        public String type() { return "response.created"; }
        public ObjectNode toJson() {
            ObjectNode o = head(this);
            ObjectNode r = o.putObject("response");
            r.put("object", "realtime.response");
            r.put("id", responseId);
            r.put("status", "in_progress");
            r.putArray("output");
            return o;
        }
    }

    /** {@code response.audio.delta} (beta) or {@code response.output_audio.delta} (GA): a chunk of agent audio. */
    record AudioDelta(String eventId, AudioEventNaming naming, String responseId, String itemId, int outputIndex,
                      int contentIndex, byte[] audio) implements RealtimeEvent {
        public String type() { return naming.audioDelta(); }
        public ObjectNode toJson() {
            ObjectNode o = OutputRef.write(head(this), responseId, itemId, outputIndex, contentIndex);
            o.put("delta", Base64Audio.encode(audio));
            return o;
        }
    }

    /** {@code response.audio.done} / {@code response.output_audio.done}. */
    record AudioDone(String eventId, AudioEventNaming naming, String responseId, String itemId, int outputIndex,
                     int contentIndex) implements RealtimeEvent {
        public String type() { return naming.audioDone(); }
        public ObjectNode toJson() { return OutputRef.write(head(this), responseId, itemId, outputIndex, contentIndex); }
    }

    /** {@code response.audio_transcript.delta} / {@code response.output_audio_transcript.delta}. */
    record TranscriptDelta(String eventId, AudioEventNaming naming, String responseId, String itemId, int outputIndex,
                           int contentIndex, String delta) implements RealtimeEvent {
        public String type() { return naming.transcriptDelta(); }
        public ObjectNode toJson() {
            ObjectNode o = OutputRef.write(head(this), responseId, itemId, outputIndex, contentIndex);
            o.put("delta", delta);
            return o;
        }
    }

    /** {@code response.audio_transcript.done} / {@code response.output_audio_transcript.done}. */
    record TranscriptDone(String eventId, AudioEventNaming naming, String responseId, String itemId, int outputIndex,
                          int contentIndex, String transcript) implements RealtimeEvent {
        public String type() { return naming.transcriptDone(); }
        public ObjectNode toJson() {
            ObjectNode o = OutputRef.write(head(this), responseId, itemId, outputIndex, contentIndex);
            o.put("transcript", transcript);
            return o;
        }
    }

    /** {@code response.function_call_arguments.done}: the model wants a tool called. */
    record FunctionCallArgumentsDone(String eventId, String responseId, String itemId, int outputIndex, String callId,
                                     String name, String arguments) implements RealtimeEvent {
        public String type() { return "response.function_call_arguments.done"; }
        public ObjectNode toJson() {
            ObjectNode o = head(this);
            o.put("response_id", responseId);
            o.put("item_id", itemId);
            o.put("output_index", outputIndex);
            o.put("call_id", callId);
            Json.put(o, "name", name);
            o.put("arguments", arguments);
            return o;
        }
    }

    /** {@code response.done}: the response object as sent (status, output, usage), kept whole. */
    record ResponseDone(String eventId, ObjectNode response) implements RealtimeEvent {
        public String type() { return "response.done"; }
        public ObjectNode toJson() { ObjectNode o = head(this); o.set("response", response.deepCopy()); return o; }
        public String responseId() { return response.path("id").asText(null); }
        /** completed, cancelled, failed or incomplete. */
        public String status() { return response.path("status").asText("completed"); }
    }

    /** {@code error}: from the upstream, or made by Vigil for a frame it could not accept. */
    record Error(String eventId, String errorType, String code, String message, String param, String causeEventId)
            implements RealtimeEvent {
        public String type() { return "error"; }
        public ObjectNode toJson() {
            ObjectNode o = head(this);
            ObjectNode e = o.putObject("error");
            e.put("type", errorType);
            Json.put(e, "code", code);
            e.put("message", message);
            e.set("param", param == null ? e.nullNode() : e.textNode(param));
            e.set("event_id", causeEventId == null ? e.nullNode() : e.textNode(causeEventId));
            return o;
        }
    }

    /** Any other event: relayed byte for byte. {@code type} is null if the frame had none we could read. */
    record Unknown(String type, String eventId, String raw) implements RealtimeEvent {
        /** The original object; {@link RealtimeCodec#encode} sends {@link #raw()} itself, untouched. */
        public ObjectNode toJson() {
            return RealtimeCodec.reparse(raw);
        }
    }
}
