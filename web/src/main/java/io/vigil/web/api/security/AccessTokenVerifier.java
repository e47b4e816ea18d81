package io.vigil.web.api.security;

import io.vigil.web.security.Role;
import io.vigil.web.security.TenantClaim;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies an OAuth access token in JWS compact form (RFC 7515) as Keycloak issues it: RS256 only (a token that
 * names another algorithm, {@code none} included, is refused before any key is used), a signature by one of the
 * issuer's keys, the expected issuer, expiry and not-before with a small clock skew, a client this API accepts,
 * and exactly one tenant. Plain JDK cryptography; no state but the keys.
 */
public final class AccessTokenVerifier {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final String issuer;
    private final Set<String> allowedClients;
    private final SigningKeys keys;
    private final Clock clock;

    public AccessTokenVerifier(String issuer, Set<String> allowedClients, SigningKeys keys, Clock clock) {
        this.issuer = issuer;
        this.allowedClients = Set.copyOf(allowedClients);
        this.keys = keys;
        this.clock = clock;
    }

    public ApiCaller verify(String token) throws TokenRejected {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejected("malformed token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new TokenRejected("malformed token");
        }
        JsonObject header = json(parts[0]);
        if (!"RS256".equals(header.getString("alg", ""))) {
            throw new TokenRejected("unsupported signature algorithm");
        }
        PublicKey key = keys.byKeyId(header.getString("kid", ""))
                .orElseThrow(() -> new TokenRejected("token signed with an unknown key"));
        if (!signatureValid(parts, key)) {
            throw new TokenRejected("invalid signature");
        }
        JsonObject claims = json(parts[1]);
        if (!issuer.equals(claims.getString("iss", ""))) {
            throw new TokenRejected("token from another issuer");
        }
        long now = clock.instant().getEpochSecond();
        if (!claims.containsKey("exp") || claims.getJsonNumber("exp").longValue() + SKEW.toSeconds() < now) {
            throw new TokenRejected("token expired");
        }
        if (claims.containsKey("nbf") && claims.getJsonNumber("nbf").longValue() - SKEW.toSeconds() > now) {
            throw new TokenRejected("token not yet valid");
        }
        if (!"Bearer".equalsIgnoreCase(claims.getString("typ", "Bearer"))) {
            throw new TokenRejected("not an access token");
        }
        String client = claims.getString("azp", "");
        if (!allowedClients.contains(client)) {
            throw new TokenRejected("token issued to a client this API does not accept");
        }
        String tenant = TenantClaim.from(strings(claims.get("tenant")))
                .orElseThrow(() -> new TokenRejected("token names no single tenant"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : strings(claims.get("groups"))) {
            Role.byName(group).ifPresent(roles::add);
        }
        String name = claims.getString("preferred_username", claims.getString("sub", client));
        return new ApiCaller(claims.getString("sub", ""), name, client, tenant, roles);
    }

    private static boolean signatureValid(String[] parts, PublicKey key) throws TokenRejected {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new TokenRejected("malformed token");
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static JsonObject json(String base64url) throws TokenRejected {
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new TokenRejected("malformed token");
        }
    }

    private static List<String> strings(JsonValue value) {
        if (value instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
        }
        if (value instanceof JsonString string) {
            return List.of(string.getString());
        }
        return List.of();
    }
}
