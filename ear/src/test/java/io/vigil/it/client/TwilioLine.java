package io.vigil.it.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.session.audio.Base64Audio;
import io.vigil.session.audio.MuLawCodec;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.audio.Resampler;
import io.vigil.session.simulator.SpeechSynthesizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Twilio's side of a Media Stream, over a real WebSocket (the JDK's client): it sends what Twilio sends and plays
 * what it receives as Twilio does: a buffer of 20 ms frames and marks, a mark echoed once the audio before it has
 * played, and on {@code clear} the buffer dropped and its marks echoed at once. One {@link #tick} plays 20 ms and
 * sends 20 ms of the caller (speech, or silence).
 */
final class TwilioLine implements AutoCloseable {

    static final String SID = "MZ00000000000000000000000000000001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConcurrentLinkedQueue<String> inbox = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final Deque<String> buffer = new ArrayDeque<>();
    private final Deque<byte[]> speech = new ArrayDeque<>();
    private final WebSocket socket;
    private CompletableFuture<WebSocket> sending;
    private int seq;
    long receivedMediaFrames;
    long sentMediaFrames;
    long playedMs;
    int idleTicks;
    int clears;

    TwilioLine(String url) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    inbox.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closeCode.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closeCode.complete(-1);
            }
        }).get(20, TimeUnit.SECONDS);
        sending = CompletableFuture.completedFuture(socket);
    }

    static String wsUrl(String path) {
        return TestStack.baseUrl().replaceFirst("^http", "ws") + path;
    }

    void send(String frame) {
        sending = sending.thenCompose(ws -> ws.sendText(frame, true));
        sending.join();
    }

    void connected() {
        send("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
    }

    void start(String parametersJson) {
        send("{\"event\":\"start\",\"sequenceNumber\":\"" + (++seq) + "\",\"start\":{\"accountSid\":\"AC1\","
                + "\"streamSid\":\"" + SID + "\",\"callSid\":\"CA" + System.nanoTime() + "\",\"tracks\":[\"inbound\"],"
                + "\"customParameters\":" + parametersJson + ",\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\","
                + "\"sampleRate\":8000,\"channels\":1}},\"streamSid\":\"" + SID + "\"}");
    }

    void dtmf(String digit) {
        send("{\"event\":\"dtmf\",\"streamSid\":\"" + SID + "\",\"sequenceNumber\":\"" + (++seq) + "\",\"dtmf\":{"
                + "\"track\":\"inbound_track\",\"digit\":\"" + digit + "\"}}");
    }

    void stop() {
        send("{\"event\":\"stop\",\"sequenceNumber\":\"" + (++seq) + "\",\"streamSid\":\"" + SID + "\",\"stop\":{"
                + "\"accountSid\":\"AC1\",\"callSid\":\"CA1\"}}");
    }

    /** Queues the caller's words as 20 ms mu-law frames, synthesised by the core's speech synthesiser. */
    void say(String words) {
        byte[] pcm = new SpeechSynthesizer().speak(words).pcm16();
        byte[] mu = MuLawCodec.encode(Resampler.downsampler24kTo8k().process(Pcm16.fromBytes(pcm)));
        for (int i = 0; i < mu.length; i += 160) {
            speech.add(Arrays.copyOf(Arrays.copyOfRange(mu, i, Math.min(mu.length, i + 160)), 160));
        }
    }

    boolean speaking() {
        return !speech.isEmpty();
    }

    /** Plays 20 ms, echoes the marks it passed, sends 20 ms of the caller; then lets 10 ms pass (twice real time). */
    void tick() throws Exception {
        receive();
        echoLeadingMarks();
        if (!buffer.isEmpty()) {
            buffer.poll();
            playedMs += 20;
            idleTicks = 0;
        } else {
            idleTicks++;
        }
        echoLeadingMarks();
        byte[] frame = speech.isEmpty() ? silence() : speech.poll();
        sentMediaFrames++;
        send("{\"event\":\"media\",\"sequenceNumber\":\"" + (++seq) + "\",\"media\":{\"track\":\"inbound\","
                + "\"chunk\":\"" + seq + "\",\"timestamp\":\"" + seq * 20 + "\",\"payload\":\""
                + Base64Audio.encode(frame) + "\"},\"streamSid\":\"" + SID + "\"}");
        Thread.sleep(10);
    }

    private void receive() throws Exception {
        for (String frame; (frame = inbox.poll()) != null; ) {
            JsonNode m = JSON.readTree(frame);
            switch (m.path("event").asText()) {
                case "media" -> {
                    // Twilio plays what it is sent 20 ms at a time, whatever the size of the message
                    int bytes = Base64.getDecoder().decode(m.path("media").path("payload").asText()).length;
                    for (int i = 0; i < bytes; i += 160) {
                        receivedMediaFrames++;
                        buffer.add("audio");
                    }
                }
                case "mark" -> buffer.add("mark:" + m.path("mark").path("name").asText());
                case "clear" -> {
                    clears++;
                    for (String p : buffer) {
                        if (p.startsWith("mark:")) {
                            echo(p.substring(5));
                        }
                    }
                    buffer.clear();
                }
                default -> throw new AssertionError("unexpected frame to Twilio: " + frame);
            }
        }
    }

    private void echoLeadingMarks() {
        while (!buffer.isEmpty() && buffer.peek().startsWith("mark:")) {
            echo(buffer.poll().substring(5));
        }
    }

    private void echo(String name) {
        send("{\"event\":\"mark\",\"sequenceNumber\":\"" + (++seq) + "\",\"streamSid\":\"" + SID
                + "\",\"mark\":{\"name\":\"" + name + "\"}}");
    }

    private static byte[] silence() {
        byte[] s = new byte[160];
        Arrays.fill(s, (byte) 0xFF);
        return s;
    }

    /** The close code the server sent, waiting for it at most {@code seconds}. */
    int closeCode(int seconds) throws Exception {
        return closeCode.get(seconds, TimeUnit.SECONDS);
    }

    boolean closed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed() && !closed()) {
            // the server may close at the same moment (after 'stop' or a refusal): then there is nothing to close
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "stream ended").exceptionally(e -> socket).join();
        }
    }
}
