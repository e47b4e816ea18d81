package io.vigil.session.upstream;

import io.vigil.session.audio.MediaClock;
import io.vigil.session.realtime.RealtimeEvent;
import io.vigil.session.simulator.AgentScript;
import io.vigil.session.simulator.RealtimeSimulator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The embedded default agent: a {@link RealtimeSimulator} run in this JVM, paced by the shared 20 ms
 * {@link SimulatorTicks}.
 *
 * <p>The simulator emits while holding its own lock, and the gateway calls it while holding the gateway's lock. If
 * emitted frames went straight to the listener, a timer tick and a caller frame could take the two locks in opposite
 * orders and deadlock. So emitted frames are queued and handed to the listener only by the timer task, outside the
 * simulator's lock, in the order they were emitted (at most 20 ms later).
 *
 * <p>Events cross as Java objects in both directions ({@link Connection#send(RealtimeEvent)},
 * {@link Listener#onEvent}): a door whose gateway speaks events skips the JSON and base64 round trip that a
 * WebSocket upstream needs; a door that speaks text frames still gets them.
 *
 * <p>The simulator has no speech recognition: each caller turn is transcribed as the next of {@code callerLines}.
 */
public final class InProcessSimulatorConnector implements UpstreamConnector {

    private final SimulatorTicks ticks;
    private final AgentScript script;
    private final List<String> callerLines;

    public InProcessSimulatorConnector(SimulatorTicks ticks, AgentScript script, List<String> callerLines) {
        this.ticks = ticks;
        this.script = script;
        this.callerLines = List.copyOf(callerLines);
    }

    @Override
    public Connection open(Listener listener) {
        ConcurrentLinkedQueue<RealtimeEvent> emitted = new ConcurrentLinkedQueue<>();
        RealtimeSimulator simulator = new RealtimeSimulator(script, callerLines, RealtimeSimulator.Settings.defaults(),
                MediaClock.system(), emitted::add);
        simulator.start();
        SimulatorTicks.Registration registration = ticks.add(() -> {
            try {
                simulator.advance();
                for (RealtimeEvent event; (event = emitted.poll()) != null; ) {
                    listener.onEvent(event);
                }
            } catch (RuntimeException e) {
                // the session stops being advanced; the call must hear about it
                listener.onClosed("the embedded agent failed: " + e.getClass().getSimpleName());
                throw e;
            }
        });
        return new Connection() {
            @Override
            public void send(String frame) {
                simulator.onClientFrame(frame);
            }

            @Override
            public void send(RealtimeEvent event) {
                simulator.onClientEvent(event);
            }

            @Override
            public void close() {
                registration.close();
            }
        };
    }
}
