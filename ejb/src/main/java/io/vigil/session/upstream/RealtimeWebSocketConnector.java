package io.vigil.session.upstream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real upstream: the OpenAI Realtime protocol over the JDK's WebSocket client, to a configured URL (for OpenAI
 * {@code wss://api.openai.com/v1/realtime?model=...}), with {@code Authorization: Bearer <key>}. The key is held only
 * in memory and is never part of a message, a log line or an exception text.
 *
 * <p>The JDK client allows one outstanding send per socket, so sends are chained: {@link Connection#send} appends to
 * the chain and returns at once. Incoming text may arrive in parts and is joined before it reaches the listener; the
 * JDK delivers a socket's messages one at a time, so the listener is called in order from one thread at a time.
 */
public final class RealtimeWebSocketConnector implements UpstreamConnector {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI url;
    private final String apiKey;

    public RealtimeWebSocketConnector(HttpClient http, URI url, String apiKey) {
        this.http = http;
        this.url = url;
        this.apiKey = apiKey;
    }

    @Override
    public Connection open(Listener listener) throws IOException {
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT)
                    .header("Authorization", "Bearer " + apiKey)
                    .buildAsync(url, new Receiver(listener))
                    .get(CONNECT_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the cause may be an HTTP status, never the request headers: safe to name
            throw new IOException("cannot open the upstream model session at " + url + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : "timed out"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the upstream model session");
        }
        return new Sender(socket);
    }

    private static final class Sender implements Connection {

        private final WebSocket socket;
        private CompletableFuture<?> chain = CompletableFuture.completedFuture(null);

        Sender(WebSocket socket) {
            this.socket = socket;
        }

        @Override
        public synchronized void send(String frame) {
            chain = chain.thenCompose(x -> socket.sendText(frame, true));
        }

        @Override
        public synchronized void close() {
            chain = chain.handle((x, e) -> null)
                    .thenCompose(x -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "call ended"));
        }
    }

    private static final class Receiver implements WebSocket.Listener {

        private final Listener listener;
        private final StringBuilder partial = new StringBuilder();

        Receiver(Listener listener) {
            this.listener = listener;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                listener.onFrame(frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            listener.onClosed("the upstream closed the session (" + statusCode + " " + reason + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            listener.onClosed("the upstream connection failed: " + error.getClass().getSimpleName());
        }
    }
}
