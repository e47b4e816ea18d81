package io.vigil.session.upstream;

import io.vigil.session.realtime.RealtimeCodec;
import io.vigil.session.realtime.RealtimeEvent;
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

        /**
         * A server event from an upstream in this JVM, handed over as it is, with no JSON in between. A listener
         * that can take events overrides this; by default the event is written as the frame it stands for.
         */
        default void onEvent(RealtimeEvent event) {
            onFrame(Wire.CODEC.encode(event));
        }

        /** The upstream went away; {@code reason} is readable by a person and holds no secret. */
        void onClosed(String reason);
    }

    /** One open model session. {@link #send} never blocks on the network. */
    interface Connection extends AutoCloseable {

        void send(String frame);

        /** A client event: an upstream in this JVM takes it as it is, a remote one as its JSON. */
        default void send(RealtimeEvent event) {
            send(Wire.CODEC.encode(event));
        }

        @Override
        void close();
    }

    Connection open(Listener listener) throws IOException;

    /** The codec the defaults write with (encoding keeps no state). */
    final class Wire {
        static final RealtimeCodec CODEC = new RealtimeCodec();

        private Wire() {
        }
    }
}
