package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The health endpoint and the API's error answers, over real HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthApiIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoStackTrace(String body) {
        assertFalse(body.matches("(?s).*(\\.java:\\d+\\)|\\tat |Caused by:|StandardWrapperValve).*"),
                "no stack trace to a client: " + body);
    }

    @Test
    void healthReportsDatabaseSchemaAndVersion() throws Exception {
        HttpResponse<String> response = get("/api/v1/health");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        String body = response.body();
        assertTrue(body.contains("\"status\":\"UP\""), body);
        assertTrue(body.contains("\"reachable\":true"), body);
        assertTrue(body.matches(".*\"schemaVersion\":\"[1-9][0-9]*\".*"), body);
        assertTrue(body.contains("\"version\":\"0.1.0"), body);
    }

    @Test
    void unknownApiPathIsAJsonNotFound() throws Exception {
        HttpResponse<String> response = get("/api/v1/no-such-thing");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().startsWith("{"), response.body());
        assertNoStackTrace(response.body());
    }
}
