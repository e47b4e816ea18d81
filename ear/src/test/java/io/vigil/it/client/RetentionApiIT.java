package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The retention and legal-hold API with real tokens: who may do what (401, 403), tenant isolation (404 for another
 * tenant's hold or sweep), the four-eyes release over HTTP, and a dry run with its signed certificate.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionApiIT {

    private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([0-9a-f-]{36})\"");

    private static HttpResponse<String> putJson(String path, String bearer, String json) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(TestStack.baseUrl() + path)).header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String id(HttpResponse<String> response) {
        Matcher m = ID.matcher(response.body());
        assertTrue(m.find(), response.body());
        return m.group(1);
    }

    @Test
    void withoutATokenOrTheRoleTheApiRefuses() {
        assertEquals(401, TestStack.get("/api/v1/retention/policies", null).statusCode());
        assertEquals(401, TestStack.get("/api/v1/legal-holds", null).statusCode());
        String supervisor = TestStack.userToken("acme-supervisor");
        assertEquals(403, TestStack.get("/api/v1/retention/policies", supervisor).statusCode());
        assertEquals(403, TestStack.get("/api/v1/legal-holds", supervisor).statusCode());
        assertEquals(403, TestStack.postJson("/api/v1/legal-holds", TestStack.userToken("acme-compliance"),
                "{\"matterName\":\"m\",\"reference\":\"r\",\"calls\":[]}").statusCode(), "compliance only reads holds");
        assertEquals(403, TestStack.postJson("/api/v1/retention/sweeps", TestStack.userToken("acme-compliance"),
                "{\"mode\":\"APPLY\"}").statusCode(), "compliance may dry-run, not apply");
        assertEquals(403, TestStack.get("/api/v1/retention/sweeps", TestStack.userToken("acme-legal")).statusCode());
    }

    @Test
    void aHoldIsTheTenantsOwnAndItsReleaseNeedsAnotherPerson() {
        String legal = TestStack.userToken("acme-legal");
        String reference = "IT-" + UUID.randomUUID();
        HttpResponse<String> created = TestStack.postJson("/api/v1/legal-holds", legal, "{\"matterName\":\"Doe v. Acme\","
                + "\"reference\":\"" + reference + "\",\"from\":\"2020-01-01T00:00:00Z\",\"to\":\"2020-01-02T00:00:00Z\"}");
        assertEquals(201, created.statusCode(), created.body());
        String hold = id(created);
        assertEquals(200, TestStack.get("/api/v1/legal-holds/" + hold, TestStack.userToken("acme-compliance")).statusCode());
        assertEquals(404, TestStack.get("/api/v1/legal-holds/" + hold, TestStack.userToken("northwind-legal")).statusCode());
        assertEquals(404, TestStack.postJson("/api/v1/legal-holds/" + hold + "/release-request",
                TestStack.userToken("northwind-legal"), "{\"reason\":\"not your tenant's hold\"}").statusCode());
        assertEquals(404, TestStack.get("/api/v1/legal-holds/not-a-uuid", legal).statusCode());

        assertEquals(400, TestStack.postJson("/api/v1/legal-holds", legal, "{\"matterName\":\"No scope\",\"reference\":\"x\"}")
                .statusCode(), "a hold needs a scope");
        assertEquals(409, TestStack.postJson("/api/v1/legal-holds", legal, "{\"matterName\":\"Again\",\"reference\":\""
                + reference + "\",\"calls\":[]," + "\"from\":\"2020-01-01T00:00:00Z\"}").statusCode(), "references are unique");

        HttpResponse<String> requested = TestStack.postJson("/api/v1/legal-holds/" + hold + "/release-request", legal,
                "{\"reason\":\"the matter settled on 20 November\"}");
        assertEquals(200, requested.statusCode(), requested.body());
        HttpResponse<String> ownApproval = TestStack.postJson("/api/v1/legal-holds/" + hold + "/release-approval", legal, "");
        assertEquals(409, ownApproval.statusCode(), ownApproval.body());
        assertTrue(ownApproval.body().contains("another legal user"), ownApproval.body());
        assertTrue(TestStack.get("/api/v1/legal-holds/" + hold, legal).body().contains("\"state\":\"RELEASE_REQUESTED\""));
    }

    @Test
    void aDryRunEndsWithASignedCertificateOnlyItsTenantSees() throws Exception {
        String compliance = TestStack.userToken("northwind-compliance");
        HttpResponse<String> started = TestStack.postJson("/api/v1/retention/sweeps", compliance,
                "{\"mode\":\"DRY_RUN\",\"asOf\":\"2020-01-01T00:00:00Z\"}");
        assertEquals(202, started.statusCode(), started.body());
        String sweep = id(started);
        HttpResponse<String> run = TestStack.get("/api/v1/retention/sweeps/" + sweep, compliance);
        for (int i = 0; i < 120 && run.body().contains("\"state\":\"RUNNING\""); i++) {
            Thread.sleep(500);
            run = TestStack.get("/api/v1/retention/sweeps/" + sweep, compliance);
        }
        assertTrue(run.body().contains("\"state\":\"COMPLETED\""), run.body());
        assertTrue(run.body().contains("\"artifacts\":0,"), "nothing is due as of 2020: " + run.body());
        HttpResponse<String> certificate = TestStack.get("/api/v1/retention/sweeps/" + sweep + "/certificate", compliance);
        assertEquals(200, certificate.statusCode(), certificate.body());
        assertTrue(certificate.body().contains("\"signature\":") && certificate.body().contains("BEGIN PUBLIC KEY"),
                certificate.body());
        assertEquals(404, TestStack.get("/api/v1/retention/sweeps/" + sweep, TestStack.userToken("acme-compliance")).statusCode());
        assertEquals(404, TestStack.get("/api/v1/retention/sweeps/" + sweep + "/certificate",
                TestStack.userToken("acme-admin")).statusCode());
        assertEquals(400, TestStack.postJson("/api/v1/retention/sweeps", compliance, "{\"mode\":\"SOMETIMES\"}").statusCode());
    }

    @Test
    void policiesAreReadByComplianceAndChangedByAdministrators() {
        HttpResponse<String> policies = TestStack.get("/api/v1/retention/policies", TestStack.userToken("acme-compliance"));
        assertEquals(200, policies.statusCode(), policies.body());
        assertTrue(policies.body().contains("\"dataClass\":\"RAW_CALLER_AUDIO\""), policies.body());
        assertEquals(403, putJson("/api/v1/retention/policies", TestStack.userToken("acme-compliance"),
                "{\"dataClass\":\"ANNOTATIONS\",\"periodDays\":700,\"action\":\"DELETE\"}").statusCode());
        String admin = TestStack.userToken("acme-admin");
        assertEquals(400, putJson("/api/v1/retention/policies", admin,
                "{\"dataClass\":\"REDACTED_TRANSCRIPT\",\"periodDays\":30,\"action\":\"CRYPTO_SHRED\"}").statusCode(),
                "a plain transcript cannot be crypto-shredded");
        HttpResponse<String> saved = putJson("/api/v1/retention/policies", admin,
                "{\"dataClass\":\"ANNOTATIONS\",\"periodDays\":731,\"action\":\"DELETE\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(TestStack.get("/api/v1/retention/policies", admin).body().contains("\"periodDays\":731"));
    }
}
