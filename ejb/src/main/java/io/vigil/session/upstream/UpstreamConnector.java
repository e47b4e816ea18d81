package io.vigil.session.upstream;

import java.io.IOException;

/**
 * Opens the model side of a live call: one OpenAI Realtime session per call. The door's gateway sends client events
 * as JSON text and receives server events through the {@link Listener}. Two implementations: the embedded agent run
 * in-process ({@link InProcessSimulatorConnector}, the default: no network, no hosted model) and a real upstream over
 * a WebSocket ({@link RealtimeWebSocketConnector}).
 */
public interface UpstreamConnector {

    /** Where a connection delivers the model's frames. Called from one thread at a time, in order. */
    interface Listener {

        void onFrame(String frame);

        /** The upstream went away; {@code reason} is readable by a person and holds no secret. */
        void onClosed(String reason);
    }

    /** One open model session. {@link #send} never blocks on the network. */
    interface Connection extends AutoCloseable {

        void send(String frame);

        @Override
        void close();
    }

    Connection open(Listener listener) throws IOException;
}
