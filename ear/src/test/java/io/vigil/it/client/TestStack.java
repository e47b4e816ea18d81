package io.vigil.it.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Where the test stack that {@code ./vigil test} started answers, its generated secrets, and tokens from it. */
final class TestStack {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private TestStack() {
    }

    static String baseUrl() {
        return required("vigil.base.url");
    }

    static String issuer() {
        return required("vigil.oidc.issuer");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("run the integration tests with ./vigil test (" + property + " is not set)");
        }
        return value;
    }

    static String secret(String name) {
        Properties secrets = new Properties();
        try (var reader = Files.newBufferedReader(Path.of(required("vigil.test.secrets")))) {
            secrets.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets.getProperty(name);
    }

    static String demoPassword() {
        return secret("VIGIL_DEMO_PASSWORD");
    }

    /** A person's access token, by the password grant of the console client. */
    static String userToken(String username) {
        return token(Map.of("grant_type", "password", "client_id", "vigil-console",
                "client_secret", secret("VIGIL_CONSOLE_SECRET"), "username", username, "password", demoPassword(),
                "scope", "openid"));
    }

    /** An agent runtime's access token, by the client-credentials grant of its service client. */
    static String agentToken(String client, String secretName) {
        return token(Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret(secretName)));
    }

    private static String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token: HTTP " + response.statusCode() + " " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> postJson(String path, String bearer, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
