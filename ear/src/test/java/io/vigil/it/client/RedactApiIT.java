package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/v1/redact} with real tokens: spoken-form PII found with offsets, bad input refused clearly. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedactApiIT {

    private static final String TEXT = "the card number is four one one one one one one one one one one one one one one one";

    @Test
    void anAgentRuntimeRedactsASpokenCardNumber() {
        String agent = TestStack.agentToken("acme-bank-agent", "VIGIL_AGENT_SECRET_ACME");
        HttpResponse<String> response = TestStack.postJson("/api/v1/redact", agent, "{\"text\":\"" + TEXT + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        String body = response.body();
        assertTrue(body.contains("\"redacted\":\"the card number is [CREDIT_CARD]\""), body);
        int start = TEXT.indexOf("four");
        assertTrue(body.contains("\"type\":\"CREDIT_CARD\",\"start\":" + start + ",\"end\":" + TEXT.length()), body);
        assertFalse(body.contains("four one one one"), "the value never comes back");
    }

    @Test
    void maskingAndBadInputAndRoles() {
        String admin = TestStack.userToken("acme-admin");
        HttpResponse<String> masked = TestStack.postJson("/api/v1/redact", admin, "{\"text\":\"" + TEXT + "\",\"style\":\"MASK\"}");
        assertEquals(200, masked.statusCode(), masked.body());
        assertTrue(masked.body().contains("****"), masked.body());
        assertEquals(400, TestStack.postJson("/api/v1/redact", admin, "{not json").statusCode());
        assertEquals(400, TestStack.postJson("/api/v1/redact", admin, "{\"text\": 42}").statusCode());
        assertEquals(400, TestStack.postJson("/api/v1/redact", admin, "{\"text\":\"x\",\"style\":\"SHOUT\"}").statusCode());
        String huge = "a".repeat(70_000);
        assertEquals(413, TestStack.postJson("/api/v1/redact", admin, "{\"text\":\"" + huge + "\"}").statusCode());
        assertEquals(403, TestStack.postJson("/api/v1/redact", TestStack.userToken("acme-supervisor"),
                "{\"text\":\"x\"}").statusCode());
    }
}
