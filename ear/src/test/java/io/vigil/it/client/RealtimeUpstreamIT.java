package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.session.upstream.RealtimeWebSocketConnector;
import io.vigil.session.upstream.UpstreamConnector;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Vigil's client for a real upstream ({@link RealtimeWebSocketConnector}) against the embedded agent served on
 * {@code /sim/v1/realtime}: a bearer key in the handshake, session configuration, a spoken reply; a wrong key is
 * refused as a hosted model refuses it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RealtimeUpstreamIT {

    private static final URI SIMULATOR = URI.create(TwilioLine.wsUrl("/sim/v1/realtime?caller=Hello"));

    private static final class Collector implements UpstreamConnector.Listener {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> responseDone = new CompletableFuture<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override
        public void onFrame(String frame) {
            frames.add(frame);
            if (frame.contains("\"response.done\"")) {
                responseDone.complete(null);
            }
        }

        @Override
        public void onClosed(String reason) {
            closed.complete(reason);
        }
    }

    @Test
    void theRealtimeClientHoldsAConversationWithTheSimulator() throws Exception {
        Collector upstream = new Collector();
        String key = TestStack.agentToken("acme-bank-agent", "VIGIL_AGENT_SECRET_ACME");
        try (UpstreamConnector.Connection c = new RealtimeWebSocketConnector(HttpClient.newHttpClient(), SIMULATOR, key)
                .open(upstream)) {
            c.send("{\"type\":\"session.update\",\"session\":{\"input_audio_format\":\"pcm16\","
                    + "\"output_audio_format\":\"pcm16\"}}");
            c.send("{\"type\":\"response.create\"}");
            upstream.responseDone.get(60, TimeUnit.SECONDS);
        }
        assertTrue(upstream.frames.get(0).contains("\"session.created\""), upstream.frames.get(0));
        assertTrue(upstream.frames.stream().anyMatch(f -> f.contains("\"session.updated\"")));
        assertTrue(upstream.frames.stream().anyMatch(f -> f.contains("\"response.output_audio.delta\"")));
        assertTrue(upstream.frames.stream().anyMatch(f -> f.contains("virtual assistant")));
    }

    @Test
    void aWrongKeyIsRefused() throws Exception {
        Collector upstream = new Collector();
        try (UpstreamConnector.Connection c = new RealtimeWebSocketConnector(HttpClient.newHttpClient(), SIMULATOR,
                "not-a-key").open(upstream)) {
            String reason = upstream.closed.get(30, TimeUnit.SECONDS);
            assertTrue(reason.contains("1008"), reason);
            assertTrue(!reason.contains("not-a-key"), "the key is never repeated");
        }
    }
}
