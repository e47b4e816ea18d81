package io.vigil.web.api.retention;

import io.vigil.retention.RetentionSweeps;
import io.vigil.retention.domain.LegalHold;
import io.vigil.retention.domain.RetentionPolicy;
import io.vigil.retention.domain.SweepClassResult;
import io.vigil.retention.domain.SweepRun;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;

/** The JSON of the retention and legal-hold API. */
final class RetentionJson {

    private RetentionJson() {
    }

    /** The request body as an object; {@link IllegalArgumentException} with what to send when it is not one. */
    static JsonObject body(String body, String expected) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("send a JSON object " + expected);
        }
    }

    static String string(JsonObject o, String key) {
        if (!o.containsKey(key) || o.isNull(key)) {
            return null;
        }
        if (o.get(key).getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalArgumentException("\"" + key + "\" is a string");
        }
        return o.getString(key);
    }

    static List<String> strings(JsonObject o, String key) {
        if (!o.containsKey(key) || o.isNull(key)) {
            return List.of();
        }
        if (o.get(key).getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("\"" + key + "\" is an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonValue v : o.getJsonArray(key)) {
            if (v.getValueType() != JsonValue.ValueType.STRING) {
                throw new IllegalArgumentException("\"" + key + "\" is an array of strings");
            }
            values.add(((jakarta.json.JsonString) v).getString());
        }
        return values;
    }

    static Instant instant(JsonObject o, String key) {
        String text = string(o, key);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + key + "\" is an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z");
        }
    }

    static JsonObjectBuilder policy(RetentionPolicy p) {
        return Json.createObjectBuilder().add("retentionClass", p.retentionClass()).add("dataClass", p.dataClass().name())
                .add("jurisdiction", p.jurisdiction()).add("periodDays", p.periodDays()).add("action", p.action().name());
    }

    static JsonObjectBuilder sweep(SweepRun run) {
        JsonArrayBuilder classes = Json.createArrayBuilder();
        for (SweepClassResult c : run.classes()) {
            classes.add(Json.createObjectBuilder().add("dataClass", c.dataClass().name()).add("action", c.action().name())
                    .add("contributor", c.contributor()).add("artifacts", c.artifacts())
                    .add("identifierDigest", c.identifierDigest()).add("done", c.done()));
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", run.id().toString()).add("mode", run.mode().name())
                .add("state", run.state()).add("asOf", run.asOf().toString()).add("startedBy", run.startedBy())
                .add("startedAt", run.startedAt().toString()).add("artifacts", run.artifacts())
                .add("certified", run.certified()).add("classes", classes);
        if (run.finishedAt() != null) {
            b.add("finishedAt", run.finishedAt().toString());
        }
        if (run.lastError() != null) {
            b.add("error", run.lastError());
        }
        return b;
    }

    static JsonObjectBuilder item(RetentionSweeps.SweepItem i) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("dataClass", i.dataClass()).add("type", i.type())
                .add("idHash", i.idHash());
        if (i.sessionId() != null) {
            b.add("callId", i.sessionId().toString());
        }
        if (i.identifier() != null) {
            b.add("id", i.identifier());
        }
        return b;
    }

    static JsonObjectBuilder certificate(RetentionSweeps.SignedCertificate c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("certificate", c.certificate())
                .add("signature", Base64.getEncoder().encodeToString(c.signature())).add("algorithm", "SHA256withECDSA")
                .add("signingKey", c.signingKey());
        if (c.publicKeyPem() != null) {
            b.add("publicKey", c.publicKeyPem());
        }
        return b;
    }

    static JsonObjectBuilder hold(LegalHold h) {
        JsonObjectBuilder scope = Json.createObjectBuilder()
                .add("custodians", array(h.scope().custodians()))
                .add("agentProfiles", array(h.scope().agentProfileNames()))
                .add("callerReferenceHashes", array(h.scope().callerRefHashes()))
                .add("flagReasons", array(h.scope().flagReasons()))
                .add("calls", array(h.scope().sessionIds().stream().map(Object::toString).toList()));
        if (h.scope().from() != null) {
            scope.add("from", h.scope().from().toString());
        }
        if (h.scope().to() != null) {
            scope.add("to", h.scope().to().toString());
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", h.id().toString()).add("matterName", h.matterName())
                .add("reference", h.reference()).add("state", h.state().name()).add("scope", scope)
                .add("createdBy", h.createdByName()).add("createdAt", h.createdAt().toString()).add("calls", h.sessions());
        if (h.description() != null) {
            b.add("description", h.description());
        }
        if (h.releaseRequestedBy() != null) {
            b.add("releaseRequestedBy", h.releaseRequestedName()).add("releaseReason", h.releaseReason());
        }
        if (h.releasedAt() != null) {
            b.add("releasedBy", h.releasedByName()).add("releasedAt", h.releasedAt().toString());
        }
        return b;
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }
}
