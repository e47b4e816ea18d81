package io.vigil.session.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An item of the conversation: a {@code message} (role user, assistant or system, with content parts), a
 * {@code function_call} ({@code call_id}, {@code name}, {@code arguments}) or a {@code function_call_output}
 * ({@code call_id}, {@code output}). Absent fields are null and are left out when serialised.
 */
public record ConversationItem(String id, String type, String role, String status, List<ContentPart> content,
                               String callId, String name, String arguments, String output) {

    /**
     * One content part: {@code input_text}/{@code text}/{@code output_text} carry {@code text}; {@code input_audio}
     * and {@code audio}/{@code output_audio} carry base64 {@code audio} and, when known, a {@code transcript}.
     */
    public record ContentPart(String type, String text, String transcript, String audio) {

        static ContentPart parse(JsonNode n) {
            return new ContentPart(Json.optText(n, "type"), Json.optText(n, "text"), Json.optText(n, "transcript"),
                    Json.optText(n, "audio"));
        }

        ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            Json.put(o, "type", type);
            Json.put(o, "text", text);
            Json.put(o, "audio", audio);
            Json.put(o, "transcript", transcript);
            return o;
        }
    }

    public ConversationItem {
        content = content == null ? List.of() : List.copyOf(content);
    }

    /** A user message with one {@code input_text} part. */
    public static ConversationItem userText(String id, String text) {
        return new ConversationItem(id, "message", "user", null, List.of(new ContentPart("input_text", text, null,
                null)), null, null, null, null);
    }

    /** The output of a function call, sent back so the model can go on. */
    public static ConversationItem functionCallOutput(String callId, String output) {
        return new ConversationItem(null, "function_call_output", null, null, List.of(), callId, null, null, output);
    }

    /** The words of the item: the text or transcript of its parts joined, or null if it has none. */
    public String spokenOrWrittenText() {
        StringBuilder b = new StringBuilder();
        for (ContentPart p : content) {
            String t = p.text() != null ? p.text() : p.transcript();
            if (t != null && !t.isBlank()) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(t.strip());
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    static ConversationItem parse(JsonNode n) {
        List<ContentPart> parts = new ArrayList<>();
        JsonNode c = n.get("content");
        if (c != null && c.isArray()) {
            for (JsonNode p : c) {
                if (!p.isObject()) {
                    throw new ProtocolViolation("invalid_field", "item.content",
                            "item.content must be an array of objects");
                }
                parts.add(ContentPart.parse(p));
            }
        }
        return new ConversationItem(Json.optText(n, "id"), Json.optText(n, "type"), Json.optText(n, "role"),
                Json.optText(n, "status"), parts, Json.optText(n, "call_id"), Json.optText(n, "name"),
                Json.optText(n, "arguments"), Json.optText(n, "output"));
    }

    /** The item as the protocol writes it. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        Json.put(o, "id", id);
        o.put("object", "realtime.item");
        Json.put(o, "type", type);
        Json.put(o, "status", status);
        Json.put(o, "role", role);
        if ("message".equals(type)) {
            ArrayNode a = o.putArray("content");
            content.forEach(p -> a.add(p.toJson()));
        }
        Json.put(o, "call_id", callId);
        Json.put(o, "name", name);
        Json.put(o, "arguments", arguments);
        Json.put(o, "output", output);
        return o;
    }
}
