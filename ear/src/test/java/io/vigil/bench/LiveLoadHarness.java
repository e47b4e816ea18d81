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
    /** Calls per WebSocket client: each JDK HttpClient does its I/O on one selector thread. */
    private static final int CALLS_PER_CLIENT = 200;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<HttpClient> mediaClients = new ArrayList<>();
    /** The calls whose stream has started, in the order they started; the pacer reads it every 20 ms. */
    private final List<Call> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** How late each frame was handed to its socket, against its 20 ms slot: the harness's own lag. */
    private final LagHistogram sendLag = new LagHistogram();
    private final ConcurrentLinkedQueue<Long> clientBargeInNanos = new ConcurrentLinkedQueue<>();
    private final AtomicInteger closedEarly = new AtomicInteger();
    /** Why the server closed calls before their 'stop', as "code reason", a few of them. */
    private final java.util.Queue<String> earlyCloseReasons = new java.util.concurrent.ConcurrentLinkedQueue<>();
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
        // asked again for the report: a run that falls behind outlives an access token
        Map<String, String> adminLogin = Map.of("grant_type", "password", "client_id", "vigil-console",
                "client_secret", secrets.getProperty("VIGIL_CONSOLE_SECRET"), "username", "acme-admin", "password",
                secrets.getProperty("VIGIL_DEMO_PASSWORD"), "scope", "openid");
        String admin = token(adminLogin);
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
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(); // memory samples
        ticker.scheduleAtFixedRate(() -> sampleRss(pid), 0, 1, TimeUnit.SECONDS);
        System.out.printf("opening %d calls (about 100 a second), each then sends %d s of audio at 50 frames/s%n",
                n, seconds);
        for (int i = 0; i < (n + CALLS_PER_CLIENT - 1) / CALLS_PER_CLIENT; i++) {
            mediaClients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        }
        long t0 = System.nanoTime();
        long serverCpuBefore = cpuTicks(pid);
        long harnessCpuBefore = harnessCpuNanos();
        // one pacing thread: every 20 ms it queues one frame per streaming call; each call sends its queue without
        // blocking. A call streams from the moment its 'start' is sent, as Twilio's does, for its own S seconds, so
        // a slow handshake of one call never leaves the others silent.
        int framesPerCall = seconds * 50;
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(() -> tick(t0, framesPerCall), 0, 20, TimeUnit.MILLISECONDS);
        List<Call> opening = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Call c = new Call(i, mediaClients.get(i / CALLS_PER_CLIENT));
            opening.add(c);
            c.open(ws, String.format(start, System.nanoTime() + i));
            if (i % 100 == 99) {
                Thread.sleep(1_000);
            }
        }
        for (Call c : opening) {
            try {
                c.ready.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                c.givenUp = true;
                refused.incrementAndGet();
                if (earlyCloseReasons.size() < 5) {
                    earlyCloseReasons.add("call " + c.index + " not opened: " + e);
                }
            }
        }
        long deadline = System.nanoTime() + (seconds + 120) * 1_000_000_000L;
        while (opening.stream().anyMatch(c -> !c.done()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        pacer.shutdownNow();
        pacer.awaitTermination(5, TimeUnit.SECONDS);
        stoppedNanos = System.nanoTime();
        harnessCpuMs = (harnessCpuNanos() - harnessCpuBefore) / 1_000_000L;
        Thread.sleep(2_000);
        report(n, seconds, runStart, adminLogin, base, pid, serverCpuBefore); // waits until the server has stored every call
        ticker.shutdownNow();
    }

    private volatile long harnessCpuMs;

    private void tick(long t0, int framesPerCall) {
        long now = System.nanoTime();
        long slot = t0 + ((now - t0) / 20_000_000L) * 20_000_000L;
        for (Call c : calls) {
            c.tick(now, slot, framesPerCall);
        }
    }

    /** utime + stime of a process, in clock ticks (1/100 s on Linux), from /proc; -1 when unknown. */
    private static long cpuTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of stat(5)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long harnessCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
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

    /**
     * One simulated phone call: Twilio's side of the stream. Frames are queued by the pacing thread and sent one at a
     * time (a WebSocket allows one send outstanding); the next leaves when the previous completes, so the pacing
     * thread never waits for a socket.
     */
    private final class Call implements WebSocket.Listener {
        final int index;
        final HttpClient client;
        final CompletableFuture<WebSocket> ready = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private final java.util.ArrayDeque<Queued> queue = new java.util.ArrayDeque<>();
        private WebSocket socket;
        private boolean inFlight;
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
        private volatile boolean stopSent;
        /** Not opened within a minute: counted as refused and not waited for. */
        volatile boolean givenUp;

        Call(int index, HttpClient client) {
            this.index = index;
            this.client = client;
        }

        void open(String url, String start) {
            client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).buildAsync(URI.create(url), this)
                    .thenCompose(w -> w.sendText("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}", true))
                    .thenCompose(w -> w.sendText(start, true))
                    .whenComplete((w, e) -> {
                        if (e != null) {
                            ready.completeExceptionally(e);
                        } else {
                            synchronized (this) {
                                socket = w;
                            }
                            calls.add(this);
                            ready.complete(w);
                        }
                    });
        }

        /** Done streaming: its 'stop' is sent, or the server closed it. */
        boolean done() {
            return stopSent || closed || givenUp;
        }

        synchronized void tick(long now, long slot, int framesPerCall) {
            if (closed || stopSent || socket == null) {
                return;
            }
            if (sent == framesPerCall) {
                stop();
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
            enqueue(new Queued(frame, slot, false));
        }

        synchronized void stop() {
            stopSent = true;
            if (closed || socket == null) {
                return;
            }
            enqueue(new Queued("{\"event\":\"stop\",\"streamSid\":\"" + SID + "\"}", 0, true));
        }

        private void enqueue(Queued q) {
            queue.add(q);
            if (!inFlight) {
                sendNext();
            }
        }

        /** Called holding the lock; a completion on another thread takes it again before sending the next. */
        private void sendNext() {
            Queued q = queue.poll();
            inFlight = q != null;
            if (q == null) {
                return;
            }
            if (q.slotNanos() > 0) {
                sendLag.record(System.nanoTime() - q.slotNanos());
            }
            CompletableFuture<WebSocket> f = socket.sendText(q.frame(), true);
            if (q.thenClose()) {
                f = f.thenCompose(w -> w.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
            }
            f.whenComplete((w, e) -> {
                synchronized (this) {
                    if (e != null) {
                        queue.clear();
                        inFlight = false;
                        return;
                    }
                    sendNext();
                }
            });
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            if (!last || partial.length() > 0) {
                partial.append(data);
            }
            if (last) {
                String frame = partial.length() > 0 ? partial.toString() : data.toString();
                partial.setLength(0);
                long now = System.nanoTime();
                if (frame.contains("\"event\":\"media\"")) {
                    received += twentyMsFrames(frame);
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
            // any close before our 'stop' is the server ending the call, even a normal one
            if (!closed && !stopSent) {
                closedEarly.incrementAndGet();
                if (earlyCloseReasons.size() < 5) {
                    earlyCloseReasons.add("call " + index + ": " + statusCode + " " + reason);
                }
            }
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket w, Throwable error) {
            if (!closed) {
                closedEarly.incrementAndGet();
                if (earlyCloseReasons.size() < 5) {
                    earlyCloseReasons.add("call " + index + ": " + error);
                }
            }
            closed = true;
        }
    }

    /** The 20 ms frames of agent audio in a media message (Vigil sends each chunk from the model as one message). */
    private static long twentyMsFrames(String media) {
        int from = media.indexOf("\"payload\":\"");
        if (from < 0) {
            return 1;
        }
        from += 11;
        int to = media.indexOf('"', from);
        long bytes = (to - from) * 3L / 4;
        return Math.max(1, (bytes + 159) / 160);
    }

    private void report(int n, int seconds, Instant runStart, Map<String, String> adminLogin, String base, long pid,
            long serverCpuBefore) throws Exception {
        long sent = calls.stream().mapToLong(c -> c.sent).sum();
        long caughtUpMs;
        long received = calls.stream().mapToLong(c -> c.received).sum();
        long counted = -1;
        long stored = 0;
        long dropped = 0;
        List<Long> serverBargeIns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(opts.get("jdbc"), "vigil", System.getenv("VIGIL_DB_PASSWORD"))) {
            for (int wait = 0; wait < 300; wait++) {
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
        long metricsCpuTicks = serverCpuBefore < 0 ? -1 : cpuTicks(pid) - serverCpuBefore;
        // then the recordings: every call's caller, agent and mixed files built, signed and stored
        String relay = get(base + "/api/v1/live/relay", token(adminLogin));
        for (int wait = 0; wait < 600 && recordingWorkLeft(relay); wait++) {
            Thread.sleep(1_000);
            relay = get(base + "/api/v1/live/relay", token(adminLogin));
        }
        long recordingsDoneMs = (System.nanoTime() - stoppedNanos) / 1_000_000L;
        long serverCpuTicks = serverCpuBefore < 0 ? -1 : cpuTicks(pid) - serverCpuBefore;
        System.out.println();
        System.out.printf("| server done with every call (metrics stored) after the last frame | %,d ms |%n", caughtUpMs);
        System.out.printf("| every call's recordings stored after the last frame | %,d ms |%n", recordingsDoneMs);
        System.out.printf("| calls opened / refused / closed early by the server | %d / %d / %d |%n", calls.size(),
                refused.get(), closedEarly.get());
        earlyCloseReasons.forEach(r -> System.out.println("|   closed early: " + r + " |"));
        System.out.printf("| caller frames sent / counted by the server / lost | %,d / %,d / %,d |%n", sent, counted,
                Math.max(0, sent - counted));
        System.out.printf("| agent audio relayed to the callers, in 20 ms frames | %,d (%,d agent chunks dropped by barge-in, as they should be) |%n",
                received, dropped);
        System.out.printf("| calls stored with metrics | %d |%n", stored);
        System.out.printf("| server relay figures | %s |%n", relay);
        System.out.println();
        System.out.println(Percentiles.header());
        System.out.println(new Percentiles(toArray(serverBargeIns)).row("barge-in reaction, server (stored metric)"));
        System.out.println(new Percentiles(toArray(clientBargeInNanos)).row("barge-in, caller: first word to clear"));
        System.out.println(sendLag.row("harness send lag per frame (vs its 20 ms slot)"));
        System.out.printf("%nserver peak RSS: %d MiB; %d calls for %d s%n", maxRssKb / 1024, calls.size(), seconds);
        if (serverCpuTicks >= 0 && !calls.isEmpty()) {
            double cpuS = serverCpuTicks / 100.0;
            System.out.printf("server CPU from the first frame until every call and its recordings were stored: %.1f s,"
                    + " %.0f ms per call, %.1f ms per call-second of audio (%.1f %% of one core per call);"
                    + " of which until the calls' metrics were stored: %.1f s%n", cpuS, cpuS * 1000 / calls.size(),
                    cpuS * 1000 / calls.size() / seconds, cpuS * 100 / calls.size() / seconds, metricsCpuTicks / 100.0);
        }
        System.out.printf("harness CPU while sending: %,d ms (%.2f ms per call-second)%n", harnessCpuMs,
                (double) harnessCpuMs / Math.max(1, calls.size()) / seconds);
        System.out.printf("machine load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static final Pattern RECORDING_WORK = Pattern.compile(
            "\"recording(?:FramesQueued|sFinishing)\"\\s*:\\s*(\\d+)");

    /** Whether the relay figures show recording work still queued or finishing. */
    private static boolean recordingWorkLeft(String relay) {
        Matcher m = RECORDING_WORK.matcher(relay);
        while (m.find()) {
            if (Long.parseLong(m.group(1)) > 0) {
                return true;
            }
        }
        return false;
    }

    private record Queued(String frame, long slotNanos, boolean thenClose) {
    }

    /** Lag percentiles without keeping every sample: 0.1 ms buckets up to 10 s, the rest in the last one. */
    private static final class LagHistogram {
        private static final long BUCKET_NANOS = 100_000L;
        private final java.util.concurrent.atomic.AtomicLongArray buckets = new java.util.concurrent.atomic.AtomicLongArray(100_001);
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();

        void record(long nanos) {
            long n = Math.max(0, nanos);
            buckets.incrementAndGet((int) Math.min(buckets.length() - 1, n / BUCKET_NANOS));
            max.accumulateAndGet(n, Math::max);
        }

        String row(String name) {
            long total = 0;
            for (int i = 0; i < buckets.length(); i++) {
                total += buckets.get(i);
            }
            return String.format("| %-44s | %5d | %8.1f | %8.1f | %8.1f | %8.1f |", name, total, at(total, 50),
                    at(total, 95), at(total, 99), max.get() / 1e6);
        }

        private double at(long total, double percentile) {
            long rank = (long) Math.ceil(percentile / 100.0 * total);
            long seen = 0;
            for (int i = 0; i < buckets.length(); i++) {
                seen += buckets.get(i);
                if (seen >= rank && seen > 0) {
                    return (i + 1) * BUCKET_NANOS / 1e6; // the bucket's upper bound
                }
            }
            return 0;
        }
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
