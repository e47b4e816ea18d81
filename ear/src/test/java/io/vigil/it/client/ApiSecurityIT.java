package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API against real Keycloak tokens: authentication, roles, and tenant isolation by id guessing. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiSecurityIT {

    private static final Pattern FIRST_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private static String firstCallId(String token) {
        HttpResponse<String> list = TestStack.get("/api/v1/calls?limit=5", token);
        assertEquals(200, list.statusCode(), list.body());
        Matcher m = FIRST_ID.matcher(list.body());
        assertTrue(m.find(), list.body());
        return m.group(1);
    }

    @Test
    void withoutATokenTheApiAnswers401WithAChallenge() {
        HttpResponse<String> response = TestStack.get("/api/v1/calls", null);
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, TestStack.get("/api/v1/me", "not-a-token").statusCode());
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = TestStack.userToken("acme-compliance");
        String[] parts = token.split("\\.");
        // change one character of the claims: the signature no longer matches
        char c = parts[1].charAt(10);
        String tampered = parts[0] + "." + parts[1].substring(0, 10) + (c == 'A' ? 'B' : 'A') + parts[1].substring(11)
                + "." + parts[2];
        HttpResponse<String> response = TestStack.get("/api/v1/me", tampered);
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    @Test
    void rolesDecideWhatACallerMayDo() {
        String agent = TestStack.agentToken("acme-bank-agent", "VIGIL_AGENT_SECRET_ACME");
        HttpResponse<String> me = TestStack.get("/api/v1/me", agent);
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"tenant\":\"acme-bank\""), me.body());
        assertTrue(me.body().contains("agent-runtime"), me.body());
        assertEquals(403, TestStack.get("/api/v1/calls", agent).statusCode(), "agents do not read calls");
        assertEquals(403, TestStack.get("/api/v1/calls", TestStack.userToken("acme-admin")).statusCode(),
                "administrators do not read calls");
        HttpResponse<String> calls = TestStack.get("/api/v1/calls?limit=10&flagged=true",
                TestStack.userToken("acme-supervisor"));
        assertEquals(200, calls.statusCode(), calls.body());
        assertTrue(calls.body().contains("\"flags\":"), calls.body());
    }

    @Test
    void anotherTenantsCallIsNotFoundByIdGuessing() {
        String acme = TestStack.userToken("acme-compliance");
        String northwind = TestStack.userToken("northwind-compliance");
        String acmeCall = firstCallId(acme);
        HttpResponse<String> own = TestStack.get("/api/v1/calls/" + acmeCall, acme);
        assertEquals(200, own.statusCode());
        assertTrue(own.body().contains("\"transcript\":["), own.body());
        assertEquals(404, TestStack.get("/api/v1/calls/" + acmeCall, northwind).statusCode());
        assertEquals(404, TestStack.get("/api/v1/calls/00000000-0000-0000-0000-000000000001", acme).statusCode());
        assertEquals(404, TestStack.get("/api/v1/calls/not-a-uuid", acme).statusCode());
        assertTrue(!TestStack.get("/api/v1/calls?limit=200", northwind).body().contains(acmeCall),
                "another tenant's list never holds the call");
    }

    @Test
    void badQueryParametersGetAClearError() {
        HttpResponse<String> response = TestStack.get("/api/v1/calls?limit=5000", TestStack.userToken("acme-legal"));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("limit"), response.body());
    }
}
