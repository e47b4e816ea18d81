package io.vigil.bench;

import io.vigil.session.audio.Base64Audio;
import io.vigil.session.audio.MuLawCodec;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.audio.Resampler;
import io.vigil.session.simulator.SpeechSynthesizer;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The live-call load harness: N concurrent simulated Twilio calls against {@code /media/twilio} of a running Vigil
 * on this machine (loopback only), each sending 50 mu-law frames a second, as Twilio does, for a bounded time.
 * Every call barges in on the agent once per answer (after the greeting). Run by {@code ./vigil bench live}.
 *
 * <p>Reports: caller frames sent and the frames the server counted (a frame lost is one sent and never counted),
 * agent frames received, calls the server closed early, the latency Vigil added to relayed frames (measured by the
 * server per frame, from {@code /api/v1/live/relay}), barge-in reaction (the server's, from the stored metrics; and
 * as the caller sees it: first word sent to {@code clear} received, which includes the model's voice activity
 * detection), the server's memory, and the harness's own send lag (how late it sent frames: when that is high, the
 * machine, not Vigil, was the limit).
 */
public final class LiveLoadHarness {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PROFILE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String SID = "MZ00000000000000000000000000000042";
    private static final String SILENCE = media(silence());
    private static final List<String> SPEECH = speech("What are your opening hours?");
    private static final String CALLER_SCRIPT = String.join("|", java.util.Collections.nCopies(60,
            "What are your opening hours?"));

    private final Map<String, String> opts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Call> calls = new ArrayList<>();
    private final ConcurrentLinkedQueue<Long> sendLagNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> clientBargeInNanos = new ConcurrentLinkedQueue<>();
    private final AtomicInteger closedEarly = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile long maxRssKb;
    private long stoppedNanos;

    private LiveLoadHarness(Map<String, String> opts) {
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = opts.get("base-url");
        if (base == null || !(base.startsWith("http://localhost") || base.startsWith("http://127.0.0.1"))) {
            throw new IllegalArgumentException("--base-url must be a loopback address: the harness is for this machine");
        }
        new LiveLoadHarness(opts).run();
        System.exit(0); // the WebSocket client's threads would keep the JVM up
    }

    private void run() throws Exception {
        int n = Integer.parseInt(opts.getOrDefault("calls", "1000"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        String base = opts.get("base-url");
        Properties secrets = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(opts.get("secrets")))) {
            secrets.load(r);
        }
        String agent = token(Map.of("grant_type", "client_credentials", "client_id", "acme-bank-agent",
                "client_secret", secrets.getProperty("VIGIL_AGENT_SECRET_ACME")));
        String admin = token(Map.of("grant_type", "password", "client_id", "vigil-console", "client_secret",
                secrets.getProperty("VIGIL_CONSOLE_SECRET"), "username", "acme-admin", "password",
                secrets.getProperty("VIGIL_DEMO_PASSWORD"), "scope", "openid"));
        Matcher profile = PROFILE_ID.matcher(get(base + "/api/v1/agent-profiles", agent));
        if (!profile.find()) {
            throw new IllegalStateException("no agent profile for acme-bank");
        }
        post(base + "/api/v1/live/relay/reset", admin);
        String ws = base.replaceFirst("^http", "ws") + "/media/twilio";
        String start = "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"accountSid\":\"AC1\",\"streamSid\":\""
                + SID + "\",\"callSid\":\"CA%d\",\"tracks\":[\"inbound\"],\"customParameters\":{\"token\":\"" + agent
                + "\",\"agentProfile\":\"" + profile.group(1) + "\",\"consent\":\"given\",\"callerScript\":\""
                + CALLER_SCRIPT + "\"},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,"
                + "\"channels\":1}},\"streamSid\":\"" + SID + "\"}";

        Instant runStart = Instant.now();
        long pid = Long.parseLong(opts.getOrDefault("pid", "0"));
        ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);
        ticker.scheduleAtFixedRate(() -> sampleRss(pid), 0, 1, TimeUnit.SECONDS);
        System.out.printf("opening %d calls (about 100 a second), then %d s of audio at 50 frames/s each%n", n, seconds);
        List<Call> opening = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Call c = new Call(i);
            opening.add(c);
            c.open(ws, String.format(start, System.nanoTime() + i));
            if (i % 100 == 99) {
                Thread.sleep(1_000);
            }
        }
        for (Call c : opening) {
            try {
                c.ready.get(60, TimeUnit.SECONDS);
                synchronized (calls) {
                    calls.add(c);
                }
            } catch (Exception e) {
                refused.incrementAndGet();
            }
        }
        long t0 = System.nanoTime();
        // two pacing threads, each sends one frame of every other call per 20 ms tick
        for (int lane = 0; lane < 2; lane++) {
            int l = lane;
            ticker.scheduleAtFixedRate(() -> tick(l, t0), 0, 20, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(seconds * 1_000L);
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        for (Call c : calls) {
            c.stop();
        }
        stoppedNanos = System.nanoTime();
        Thread.sleep(2_000);
        report(n, seconds, runStart, admin, base);
    }

    private void tick(int lane, long t0) {
        long now = System.nanoTime();
        List<Call> snapshot;
        synchronized (calls) {
            snapshot = List.copyOf(calls);
        }
        for (int i = lane; i < snapshot.size(); i += 2) {
            snapshot.get(i).tick(now);
        }
        long scheduled = t0 + ((now - t0) / 20_000_000L) * 20_000_000L;
        sendLagNanos.add(System.nanoTime() - scheduled);
    }

    private void sampleRss(long pid) {
        if (pid <= 0) {
            return;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    maxRssKb = Math.max(maxRssKb, kb);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the server is gone or the pid was wrong: no memory figure
        }
    }

    /** One simulated phone call: Twilio's side of the stream. */
    private final class Call implements WebSocket.Listener {
        final int index;
        final CompletableFuture<WebSocket> ready = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private CompletableFuture<WebSocket> sending;
        long sent;
        volatile long received;
        private volatile long lastMediaNanos;
        private volatile long turnStartNanos;
        private volatile int agentTurns;
        private int bargedTurn = -1;
        private int speechAt = -1;
        private volatile long bargeStartNanos;
        private long lastSpokeNanos;
        private volatile boolean closed;

        Call(int index) {
            this.index = index;
        }

        void open(String url, String start) {
            http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).buildAsync(URI.create(url), this)
                    .thenCompose(w -> w.sendText("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}", true))
                    .thenCompose(w -> w.sendText(start, true))
                    .whenComplete((w, e) -> {
                        if (e != null) {
                            ready.completeExceptionally(e);
                        } else {
                            sending = CompletableFuture.completedFuture(w);
                            ready.complete(w);
                        }
                    });
        }

        synchronized void tick(long now) {
            if (closed || sending == null) {
                return;
            }
            // barge in once per agent answer, after the greeting: 400 ms into the answer
            if (speechAt < 0 && agentTurns >= 2 && bargedTurn != agentTurns && turnStartNanos > 0
                    && now - turnStartNanos > 400_000_000L && now - lastMediaNanos < 100_000_000L) {
                bargedTurn = agentTurns;
                speechAt = 0;
                bargeStartNanos = now;
            } else if (speechAt < 0 && agentTurns >= 1 && lastMediaNanos > 0
                    && now - lastMediaNanos > 1_500_000_000L && now - lastSpokeNanos > 6_000_000_000L) {
                speechAt = 0; // the agent is quiet: ask it something, so it answers (and can be interrupted)
                lastSpokeNanos = now;
            }
            String frame = SILENCE;
            if (speechAt >= 0) {
                frame = SPEECH.get(speechAt++);
                if (speechAt == SPEECH.size()) {
                    speechAt = -1;
                }
            }
            sent++;
            String f = frame;
            sending = sending.thenCompose(w -> w.sendText(f, true));
        }

        synchronized void stop() {
            if (closed || sending == null) {
                return;
            }
            sending = sending.thenCompose(w -> w.sendText("{\"event\":\"stop\",\"streamSid\":\"" + SID + "\"}", true))
                    .thenCompose(w -> w.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                long now = System.nanoTime();
                if (frame.contains("\"event\":\"media\"")) {
                    received++;
                    if (now - lastMediaNanos > 600_000_000L) {
                        turnStartNanos = now;
                        agentTurns++;
                    }
                    lastMediaNanos = now;
                } else if (frame.contains("\"event\":\"clear\"")) {
                    long began = bargeStartNanos;
                    if (began > 0 && now - began < 2_000_000_000L) { // a later clear answers something else
                        clientBargeInNanos.add(now - began);
                        bargeStartNanos = 0;
                    }
                    lastMediaNanos = 0;
                }
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
            if (!closed && statusCode != WebSocket.NORMAL_CLOSURE) {
                closedEarly.incrementAndGet();
            }
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket w, Throwable error) {
            if (!closed) {
                closedEarly.incrementAndGet();
            }
            closed = true;
        }
    }

    private void report(int n, int seconds, Instant runStart, String admin, String base) throws Exception {
        long sent = calls.stream().mapToLong(c -> c.sent).sum();
        long caughtUpMs;
        long received = calls.stream().mapToLong(c -> c.received).sum();
        long counted = -1;
        long stored = 0;
        long dropped = 0;
        List<Long> serverBargeIns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(opts.get("jdbc"), "vigil", System.getenv("VIGIL_DB_PASSWORD"))) {
            for (int wait = 0; wait < 120; wait++) {
                stored = scalar(c, "SELECT count(*) FROM session_metrics m JOIN call_session s ON s.id = m.session_id"
                        + " WHERE s.started_at >= ?", runStart);
                if (stored >= calls.size()) {
                    break;
                }
                Thread.sleep(1_000);
            }
            caughtUpMs = (System.nanoTime() - stoppedNanos) / 1_000_000L;
            counted = scalar(c, "SELECT coalesce(sum(m.frames_in), 0) FROM session_metrics m JOIN call_session s"
                    + " ON s.id = m.session_id WHERE s.started_at >= ?", runStart);
            dropped = scalar(c, "SELECT coalesce(sum(m.frames_dropped), 0) FROM session_metrics m JOIN call_session s"
                    + " ON s.id = m.session_id WHERE s.started_at >= ?", runStart);
            try (PreparedStatement st = c.prepareStatement("SELECT unnest(m.barge_in_reaction_ms) FROM session_metrics m"
                    + " JOIN call_session s ON s.id = m.session_id WHERE s.started_at >= ?")) {
                st.setTimestamp(1, Timestamp.from(runStart));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        serverBargeIns.add(rs.getLong(1) * 1_000_000L);
                    }
                }
            }
        }
        String relay = get(base + "/api/v1/live/relay", admin); // after the server has caught up
        System.out.println();
        System.out.printf("| server done with every call (metrics stored) after the last frame | %,d ms |%n", caughtUpMs);
        System.out.printf("| calls opened / refused / closed early by the server | %d / %d / %d |%n", calls.size(),
                refused.get(), closedEarly.get());
        System.out.printf("| caller frames sent / counted by the server / lost | %,d / %,d / %,d |%n", sent, counted,
                Math.max(0, sent - counted));
        System.out.printf("| agent frames relayed to the callers | %,d (%,d agent chunks dropped by barge-in, as they should be) |%n",
                received, dropped);
        System.out.printf("| calls stored with metrics | %d |%n", stored);
        System.out.printf("| server relay figures | %s |%n", relay);
        System.out.println();
        System.out.println(Percentiles.header());
        System.out.println(new Percentiles(toArray(serverBargeIns)).row("barge-in reaction, server (stored metric)"));
        System.out.println(new Percentiles(toArray(clientBargeInNanos)).row("barge-in, caller: first word to clear"));
        System.out.println(new Percentiles(toArray(sendLagNanos)).row("harness send lag per 20 ms tick"));
        System.out.printf("%nserver peak RSS: %d MiB; %d calls for %d s%n", maxRssKb / 1024, calls.size(), seconds);
    }

    private static long[] toArray(java.util.Collection<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        return a.length == 0 ? new long[] {0} : a;
    }

    private static long scalar(Connection c, String sql, Instant since) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String token(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(opts.get("issuer")
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token: HTTP " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    private String get(String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer "
                + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private void post(String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer "
                + token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    private static String media(byte[] mulaw) {
        return "{\"event\":\"media\",\"streamSid\":\"" + SID + "\",\"media\":{\"track\":\"inbound\",\"payload\":\""
                + Base64Audio.encode(mulaw) + "\"}}";
    }

    private static byte[] silence() {
        byte[] s = new byte[160];
        Arrays.fill(s, (byte) 0xFF);
        return s;
    }

    private static List<String> speech(String words) {
        byte[] pcm = new SpeechSynthesizer().speak(words).pcm16();
        byte[] mu = MuLawCodec.encode(Resampler.downsampler24kTo8k().process(Pcm16.fromBytes(pcm)));
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < mu.length; i += 160) {
            frames.add(media(Arrays.copyOf(Arrays.copyOfRange(mu, i, Math.min(mu.length, i + 160)), 160)));
        }
        return frames;
    }
}
