package io.vigil.web.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.web.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tokens signed here with real RSA keys, each broken in one way. */
class AccessTokenVerifierTest {

    private static final String ISSUER = "http://localhost:8090/realms/vigil";
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final KeyPair REALM_KEY = rsa();
    private static final KeyPair OTHER_KEY = rsa();

    private final AccessTokenVerifier verifier = new AccessTokenVerifier(ISSUER, Set.of("vigil-console", "acme-bank-agent"),
            kid -> "k1".equals(kid) ? Optional.of(REALM_KEY.getPublic()) : Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String header, String claims, PrivateKey key) throws Exception {
        String signingInput = b64(header) + "." + b64(claims);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    private static String claims(Map<String, String> overrides) {
        String iss = overrides.getOrDefault("iss", ISSUER);
        long exp = Long.parseLong(overrides.getOrDefault("exp", Long.toString(NOW.getEpochSecond() + 300)));
        String azp = overrides.getOrDefault("azp", "vigil-console");
        String tenant = overrides.getOrDefault("tenant", "[\"acme-bank\"]");
        return "{\"iss\":\"" + iss + "\",\"sub\":\"u-1\",\"exp\":" + exp + ",\"typ\":\"Bearer\",\"azp\":\"" + azp
                + "\",\"preferred_username\":\"acme-compliance\",\"tenant\":" + tenant
                + ",\"groups\":[\"compliance-officer\",\"offline_access\"]}";
    }

    private static final String HEADER = "{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}";

    @Test
    void aValidTokenGivesTheCallerTenantAndRoles() throws Exception {
        ApiCaller caller = verifier.verify(token(HEADER, claims(Map.of()), REALM_KEY.getPrivate()));
        assertEquals("acme-compliance", caller.getName());
        assertEquals("acme-bank", caller.tenantSlug());
        assertEquals(Set.of(Role.COMPLIANCE_OFFICER), caller.roles());
        assertEquals("vigil-console", caller.clientId());
    }

    private void assertRejected(String expectedMessage, String token) {
        TokenRejected e = assertThrows(TokenRejected.class, () -> verifier.verify(token));
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void aTamperedTokenIsRejected() throws Exception {
        String good = token(HEADER, claims(Map.of()), REALM_KEY.getPrivate());
        String[] parts = good.split("\\.");
        String elevated = parts[0] + "." + b64(claims(Map.of()).replace("compliance-officer", "admin")) + "." + parts[2];
        assertRejected("invalid signature", elevated);
        char last = good.charAt(good.length() - 2);
        assertRejected("invalid signature", good.substring(0, good.length() - 2) + (last == 'A' ? 'B' : 'A')
                + good.charAt(good.length() - 1));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejected() throws Exception {
        assertRejected("invalid signature", token(HEADER, claims(Map.of()), OTHER_KEY.getPrivate()));
        assertRejected("token signed with an unknown key",
                token(HEADER.replace("k1", "k2"), claims(Map.of()), OTHER_KEY.getPrivate()));
    }

    @Test
    void expiredWrongIssuerWrongClientAndNoTenantAreRejected() throws Exception {
        assertRejected("token expired", token(HEADER,
                claims(Map.of("exp", Long.toString(NOW.getEpochSecond() - 31))), REALM_KEY.getPrivate()));
        assertRejected("token from another issuer", token(HEADER,
                claims(Map.of("iss", "http://evil.example/realms/vigil")), REALM_KEY.getPrivate()));
        assertRejected("token issued to a client this API does not accept", token(HEADER,
                claims(Map.of("azp", "some-other-app")), REALM_KEY.getPrivate()));
        assertRejected("token names no single tenant", token(HEADER,
                claims(Map.of("tenant", "[\"acme-bank\",\"northwind-health\"]")), REALM_KEY.getPrivate()));
    }

    @Test
    void withinTheClockSkewAnExpiredTokenStillPasses() throws Exception {
        verifier.verify(token(HEADER, claims(Map.of("exp", Long.toString(NOW.getEpochSecond() - 20))),
                REALM_KEY.getPrivate()));
    }

    @Test
    void algorithmNoneAndGarbageAreRejected() {
        assertRejected("unsupported signature algorithm", b64("{\"alg\":\"none\"}") + "." + b64(claims(Map.of())) + ".");
        assertRejected("unsupported signature algorithm", b64("{\"alg\":\"HS256\",\"kid\":\"k1\"}") + "."
                + b64(claims(Map.of())) + ".c2ln");
        assertRejected("malformed token", "not-a-token");
        assertRejected("malformed token", "a.b");
        assertRejected("malformed token", "%%%.%%%.%%%");
        assertRejected("malformed token", "x".repeat(20_000));
    }
}
