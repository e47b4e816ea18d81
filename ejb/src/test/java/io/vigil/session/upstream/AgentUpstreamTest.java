package io.vigil.session.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentUpstreamTest {

    @Test
    void withoutAUrlTheEmbeddedAgentAnswers() {
        AgentUpstream embedded = new AgentUpstream(null, "ignored", "alloy", "Be brief.", null);
        assertTrue(embedded.isEmbedded());
        assertEquals(Optional.empty(), embedded.endpoint());
        assertEquals("alloy", embedded.sessionSettings().orElseThrow().path("voice").asText());
        assertEquals("Be brief.", embedded.sessionSettings().orElseThrow().path("instructions").asText());
        assertEquals(Optional.empty(), AgentUpstream.embedded().sessionSettings());
    }

    @Test
    void theModelIsAddedToTheUrlUnlessItNamesOne() {
        assertEquals(URI.create("wss://api.example.com/v1/realtime?model=gpt+realtime"),
                new AgentUpstream("wss://api.example.com/v1/realtime", "gpt realtime", null, null, "K")
                        .endpoint().orElseThrow());
        assertEquals(URI.create("wss://h/v1/realtime?x=1&model=m"),
                new AgentUpstream("wss://h/v1/realtime?x=1", "m", null, null, "K").endpoint().orElseThrow());
        assertEquals(URI.create("wss://h/v1/realtime?model=a"),
                new AgentUpstream("wss://h/v1/realtime?model=a", "b", null, null, "K").endpoint().orElseThrow());
    }

    @Test
    void theKeyIsResolvedFromTheNamedSettingAndNeverShown() {
        AgentUpstream upstream = new AgentUpstream("wss://h/v1/realtime", null, null, null, "ACME_KEY");
        AgentUpstreams settings = new AgentUpstreams(null, name -> name.equals("ACME_KEY")
                ? Optional.of("sk-secret") : Optional.empty());
        assertEquals("sk-secret", settings.apiKey(upstream));
        assertFalse(upstream.toString().contains("ACME_KEY") || upstream.toString().contains("secret"));
        IllegalStateException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> settings.apiKey(new AgentUpstream("wss://h", null, null, null, "VIGIL_NO_SUCH_SETTING_X")));
        assertTrue(missing.getMessage().contains("VIGIL_NO_SUCH_SETTING_X"));
    }
}
