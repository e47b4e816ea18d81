package io.vigil.discovery.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the API's export request:
 *
 * <pre>
 * { "matter": "Smith v. Acme", "holdId": uuid, "custodian": "name or user id", "from": ISO instant, "to": ISO instant,
 *   "agentProfileId": uuid, "callIds": [uuid, ...],
 *   "contents": ["TRANSCRIPT", "EVENTS", "ANNOTATIONS", "FLAGS"], "audio": "REDACTED" | "ORIGINAL" | "NONE",
 *   "format": "WAV" | "MP3", "prefix": "VGL", "start": 1, "confidentiality": "CONFIDENTIAL",
 *   "justification": "...", "recipientCertificate": "-----BEGIN CERTIFICATE-----..." }
 * </pre>
 * Every mistake is an {@link ExportRequestInvalid} naming the field.
 */
public final class ExportRequestJson {

    private ExportRequestJson() {
    }

    public static ExportRequest parse(String body) {
        JsonNode json;
        try {
            json = ExportJson.mapper().readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new ExportRequestInvalid("Send a JSON object; see docs/ediscovery.md for its fields");
        }
        if (json == null || !json.isObject()) {
            throw new ExportRequestInvalid("Send a JSON object; see docs/ediscovery.md for its fields");
        }
        String format = text(json, "format");
        List<UUID> callIds = new ArrayList<>();
        json.path("callIds").forEach(id -> callIds.add(uuid("callIds", id.asText())));
        Set<ExportContent> contents = EnumSet.noneOf(ExportContent.class);
        JsonNode chosen = json.path("contents");
        if (chosen.isMissingNode()) {
            contents = EnumSet.allOf(ExportContent.class);
        } else {
            for (JsonNode c : chosen) {
                contents.add(constant(ExportContent.class, "contents", c.asText()));
            }
        }
        CallSelection selection = new CallSelection(uuid("holdId", text(json, "holdId")), text(json, "custodian"),
                instant("from", text(json, "from")), instant("to", text(json, "to")),
                uuid("agentProfileId", text(json, "agentProfileId")), callIds);
        String audio = text(json, "audio");
        long start = json.path("start").isMissingNode() ? 1 : json.path("start").asLong(-1);
        return new ExportRequest(text(json, "matter"), selection, contents,
                audio == null ? AudioChoice.REDACTED : constant(AudioChoice.class, "audio", audio),
                format == null ? NativeFormat.WAV : constant(NativeFormat.class, "format", format),
                ProductionNumbering.of(text(json, "prefix") == null ? "VGL" : text(json, "prefix"), start),
                text(json, "confidentiality"), text(json, "justification"), text(json, "recipientCertificate"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    static UUID uuid(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ExportRequestInvalid("\"" + field + "\" must be a UUID, not '" + value + "'");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ExportRequestInvalid("\"" + field + "\" must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ExportRequestInvalid("\"" + field + "\" does not know '" + value + "'; use one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
