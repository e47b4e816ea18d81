package io.vigil.web.api.c2pa;

import io.vigil.provenance.ProvenanceReport;
import io.vigil.provenance.SigningIdentity;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/** The API's JSON for verification reports and signing identities; absent values are left out. */
final class ProvenanceJson {

    private ProvenanceJson() {
    }

    static JsonObject report(ProvenanceReport r) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("state", r.state()).add("valid", r.valid())
                .add("trusted", r.trusted());
        put(json, "format", r.format());
        put(json, "manifest", r.manifestLabel());
        put(json, "title", r.title());
        put(json, "claimGenerator", r.claimGenerator());
        put(json, "signer", r.signer());
        put(json, "issuer", r.issuer());
        put(json, "signedAt", r.signedAt().map(Object::toString));
        put(json, "statedAt", r.statedAt().map(Object::toString));
        put(json, "problem", r.problem());
        JsonArrayBuilder actions = Json.createArrayBuilder();
        r.actions().forEach(a -> {
            JsonObjectBuilder action = Json.createObjectBuilder().add("action", a.action());
            put(action, "digitalSourceType", a.digitalSourceType());
            put(action, "reason", a.reason());
            put(action, "when", a.when().map(Object::toString));
            actions.add(action);
        });
        JsonArrayBuilder ingredients = Json.createArrayBuilder();
        r.ingredients().forEach(i -> {
            JsonObjectBuilder ingredient = Json.createObjectBuilder().add("relationship", i.relationship());
            put(ingredient, "title", i.title());
            put(ingredient, "manifest", i.manifestLabel());
            ingredients.add(ingredient);
        });
        JsonArrayBuilder codes = Json.createArrayBuilder();
        r.codes().forEach(c -> codes.add(Json.createObjectBuilder().add("code", c.code()).add("kind", c.kind())
                .add("explanation", c.explanation())));
        return json.add("actions", actions).add("ingredients", ingredients).add("validationCodes", codes).build();
    }

    static JsonObject identity(SigningIdentity identity, String publicKeyPem) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("signingKey", identity.key().toString())
                .add("publicKey", publicKeyPem).add("chainSource", identity.source().name())
                .add("subject", identity.subject()).add("issuer", identity.issuer())
                .add("notAfter", identity.notAfter().toString());
        identity.importedRoot().ifPresent(root -> json.add("importedRoot", root.getSubjectX500Principal().getName()));
        return json.build();
    }

    private static void put(JsonObjectBuilder json, String name, Optional<String> value) {
        value.ifPresent(v -> json.add(name, v));
    }
}
