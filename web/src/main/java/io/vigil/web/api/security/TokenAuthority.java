package io.vigil.web.api.security;

import io.vigil.platform.VigilConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;

/**
 * The API's one verifier, built on first use from the issuer's discovery document. If the identity provider is
 * not reachable yet, the next request tries again; until then tokens are refused (fail closed).
 */
@ApplicationScoped
public class TokenAuthority {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile AccessTokenVerifier verifier;

    public ApiCaller verify(String token) throws TokenRejected {
        return verifier().verify(token);
    }

    private AccessTokenVerifier verifier() throws TokenRejected {
        AccessTokenVerifier current = verifier;
        if (current == null) {
            synchronized (this) {
                if (verifier == null) {
                    verifier = build();
                }
                current = verifier;
            }
        }
        return current;
    }

    private AccessTokenVerifier build() throws TokenRejected {
        VigilConfig config = VigilConfig.current();
        String issuer = config.require("vigil.oidc.issuer");
        URI jwks;
        try {
            HttpResponse<String> discovery = http.send(
                    HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            try (JsonReader reader = Json.createReader(new StringReader(discovery.body()))) {
                jwks = URI.create(reader.readObject().getString("jwks_uri"));
            }
        } catch (IOException | RuntimeException e) {
            throw new TokenRejected("the identity provider cannot be reached to check the token; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRejected("interrupted");
        }
        return new AccessTokenVerifier(issuer, new HashSet<>(config.list("vigil.api.allowed-clients")),
                new JwksSigningKeys(jwks, http, Clock.systemUTC()), Clock.systemUTC());
    }
}
