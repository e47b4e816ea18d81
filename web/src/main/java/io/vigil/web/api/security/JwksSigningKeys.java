package io.vigil.web.api.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The issuer's RSA signing keys from its JWKS document, cached by key id. An unknown key id triggers one refetch
 * (Keycloak rotates keys), at most once per {@link #REFETCH_INTERVAL}, so a stream of forged key ids cannot turn
 * the API into a load generator against the identity provider.
 */
public final class JwksSigningKeys implements SigningKeys {

    static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(JwksSigningKeys.class.getName());

    private final URI jwksUri;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private volatile Instant lastFetch = Instant.EPOCH;

    public JwksSigningKeys(URI jwksUri, HttpClient http, Clock clock) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Optional<PublicKey> byKeyId(String keyId) {
        PublicKey key = keys.get(keyId);
        if (key == null && refetchAllowed()) {
            fetch();
            key = keys.get(keyId);
        }
        return Optional.ofNullable(key);
    }

    private synchronized boolean refetchAllowed() {
        Instant now = clock.instant();
        if (now.isBefore(lastFetch.plus(REFETCH_INTERVAL))) {
            return false;
        }
        lastFetch = now;
        return true;
    }

    private void fetch() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warning(() -> "JWKS answered HTTP " + response.statusCode() + " at " + jwksUri);
                return;
            }
            keys.putAll(parse(response.body()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot fetch the token signing keys from " + jwksUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The RSA signature keys of a JWKS document (RFC 7517), by key id; other keys are ignored. */
    static Map<String, PublicKey> parse(String jwks) {
        Map<String, PublicKey> parsed = new ConcurrentHashMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(jwks))) {
            for (JsonObject jwk : reader.readObject().getJsonArray("keys").getValuesAs(JsonObject.class)) {
                if (!"RSA".equals(jwk.getString("kty", "")) || !"sig".equals(jwk.getString("use", "sig"))) {
                    continue;
                }
                BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n")));
                BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")));
                parsed.put(jwk.getString("kid"), KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has RSA", e);
        }
        return parsed;
    }
}
