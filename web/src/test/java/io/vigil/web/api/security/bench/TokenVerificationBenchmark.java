package io.vigil.web.api.security.bench;

import io.vigil.web.api.security.AccessTokenVerifier;
import io.vigil.web.api.security.ApiCaller;
import io.vigil.web.api.security.TokenRejected;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What verifying a bearer token adds to an API call once the realm's keys are cached: parsing, the RS256 check
 * with a 2048-bit key (Keycloak's default) and the claim checks. The key lookup is a map hit, as in
 * {@code JwksSigningKeys} after the first fetch.
 *
 * <p>Run: {@code mvn -B -q -pl web -am test-compile -DskipTests && mvn -B -pl web exec:exec -Dbench=TokenVerification}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenVerificationBenchmark {

    private static final String ISSUER = "http://localhost:8090/realms/vigil";

    private AccessTokenVerifier verifier;
    private String token;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair realm = generator.generateKeyPair();
        verifier = new AccessTokenVerifier(ISSUER, Set.of("vigil-console"),
                kid -> Optional.of(realm.getPublic()), Clock.systemUTC());
        long exp = Instant.now().getEpochSecond() + 3600;
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}");
        // the size and shape of a Keycloak access token for a console user
        String claims = b64("{\"exp\":" + exp + ",\"iat\":" + (exp - 300) + ",\"jti\":\"onrtac:6f1d7d2e-2b1a\",\"iss\":\""
                + ISSUER + "\",\"aud\":\"account\",\"sub\":\"7c1f4a52-8d7e-4f3b-9b0e-1a2b3c4d5e6f\",\"typ\":\"Bearer\","
                + "\"azp\":\"vigil-console\",\"sid\":\"0d3e1f2a-3b4c\",\"acr\":\"1\",\"scope\":\"openid email profile\","
                + "\"email_verified\":true,\"tenant\":[\"acme-bank\"],\"name\":\"Casey Acme Compliance\","
                + "\"groups\":[\"default-roles-vigil\",\"offline_access\",\"compliance-officer\",\"uma_authorization\"],"
                + "\"preferred_username\":\"acme-compliance\",\"email\":\"acme-compliance@example.com\"}");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(realm.getPrivate());
        rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        token = header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public ApiCaller verifyCachedKey() throws TokenRejected {
        return verifier.verify(token);
    }
}
