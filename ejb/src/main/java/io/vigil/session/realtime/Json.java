package io.vigil.session.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small field helpers shared by the event records; a wrong field type is a {@link ProtocolViolation}. */
final class Json {

    private Json() {
    }

    static String optText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ProtocolViolation("invalid_field", field, "'" + field + "' must be a string");
        }
        return v.textValue();
    }

    static String text(JsonNode n, String field) {
        String v = optText(n, field);
        if (v == null) {
            throw new ProtocolViolation("missing_field", field, "'" + field + "' is required");
        }
        return v;
    }

    static long optLong(JsonNode n, String field, long absent) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new ProtocolViolation("invalid_field", field, "'" + field + "' must be an integer");
        }
        return v.longValue();
    }

    static long nonNegative(JsonNode n, String field) {
        long v = optLong(n, field, -1);
        if (v < 0) {
            throw new ProtocolViolation(n.has(field) ? "invalid_field" : "missing_field", field,
                    "'" + field + "' is required and must be a non-negative integer");
        }
        return v;
    }

    static ObjectNode optObject(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new ProtocolViolation("invalid_field", field, "'" + field + "' must be an object");
        }
        return (ObjectNode) v;
    }

    static void put(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
