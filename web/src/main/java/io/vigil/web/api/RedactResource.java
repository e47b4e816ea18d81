package io.vigil.web.api;

import io.vigil.redaction.DetectedEntity;
import io.vigil.redaction.RedactionResult;
import io.vigil.redaction.application.TextRedaction;
import io.vigil.web.api.security.AllowedRoles;
import io.vigil.web.security.Role;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/**
 * {@code POST /api/v1/redact}: finds personal data in a text and returns it redacted, with every finding, its
 * character offsets into the text sent (end exclusive), score and why. For agent runtimes that redact before they
 * store, and for administrators checking the engine. Nothing sent is stored or logged.
 */
@Path("redact")
@AllowedRoles({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AGENT_RUNTIME})
public class RedactResource {

    @Inject
    private TextRedaction redaction;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response redact(String body) {
        JsonObject request;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            request = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, "send a JSON object {\"text\": \"...\", \"style\": \"TAG\"|\"MASK\"}");
        }
        if (!request.containsKey("text") || request.isNull("text")
                || request.get("text").getValueType() != jakarta.json.JsonValue.ValueType.STRING) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, "the field \"text\" (a string) is required");
        }
        TextRedaction.Style style;
        try {
            style = TextRedaction.Style.valueOf(request.getString("style", "TAG"));
        } catch (IllegalArgumentException e) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, "\"style\" is TAG or MASK");
        }
        String text = request.getString("text");
        if (text.length() > TextRedaction.MAX_CHARS) {
            return ApiProblem.of(413, "the text has " + text.length() + " characters; send at most "
                    + TextRedaction.MAX_CHARS + " per request (split long transcripts by turn)", null);
        }
        RedactionResult result = redaction.redact(text, style);
        JsonArrayBuilder entities = Json.createArrayBuilder();
        for (DetectedEntity e : result.entities()) {
            entities.add(Json.createObjectBuilder().add("type", e.type().name()).add("start", e.start())
                    .add("end", e.end()).add("score", e.score()).add("recognizer", e.recognizer())
                    .add("reason", e.reason() == null ? "" : e.reason()));
        }
        return Response.ok(Json.createObjectBuilder().add("redacted", result.redactedText())
                .add("entities", entities).build().toString()).build();
    }
}
