package io.vigil.web.media;

import io.vigil.platform.VigilConfig;
import io.vigil.redaction.RedactionEngine;
import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.keys.KeyRegistry;
import io.vigil.recording.LiveRecorder;
import io.vigil.recording.LiveRecordingArchive;
import io.vigil.recording.LiveRecordingRecovery;
import io.vigil.recording.LiveTrackKeys;
import io.vigil.recording.RecordingBlobs;
import io.vigil.recording.RecordingWorkers;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.vigil.session.persistence.CallRecorder;
import io.vigil.session.persistence.CallSessionRows;
import io.vigil.session.persistence.CallerHash;
import io.vigil.session.persistence.FileSessionJournal;
import io.vigil.session.persistence.JdbcSessionSink;
import io.vigil.session.persistence.SessionPersistence;
import io.vigil.session.simulator.AgentScript;
import io.vigil.session.upstream.AgentUpstream;
import io.vigil.session.upstream.AgentUpstreams;
import io.vigil.session.upstream.InProcessSimulatorConnector;
import io.vigil.session.upstream.SimulatorTicks;
import io.vigil.session.upstream.RealtimeWebSocketConnector;
import io.vigil.session.upstream.UpstreamConnector;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * What every live call of this node shares: the persistence worker (started with the application, so a journal
 * left by a crash is replayed at once), the upstream connector, the recorder, the caller-reference hash and the
 * redaction engine. Settings: {@code vigil.journal-dir}, {@code vigil.caller-hash-key}, and for a real upstream
 * {@code vigil.upstream.url} plus {@code vigil.upstream.key-setting} (the name of the setting that holds its key);
 * without an upstream URL the embedded agent answers.
 */
@ApplicationScoped
public class LiveCalls {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LiveCalls.class.getName());

    /** About a minute of records of 100 busy calls; beyond it the journal takes the overflow. */
    private static final int QUEUE_CAPACITY = 50_000;
    private static final long DRAIN_EVERY_MS = 200;
    /** The machine's cores: a tick does microseconds of work per call. */
    private static final int MEDIA_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** The embedded agent has no speech recognition: it hears each caller turn as the next of these lines. */
    private static final List<String> DEFAULT_CALLER_LINES = List.of("yes", "what are your opening hours",
            "thank you, bye");

    /** Two recording threads (the machine's cores), each with about 20 s of 50 busy calls' frames in hand. */
    private static final int RECORDING_THREADS = 2;
    private static final int RECORDING_QUEUE = 100_000;

    @EJB
    private KeyRegistry keys;

    @EJB
    private RecordingBlobs blobs;

    @EJB
    private LiveRecordingArchive archive;

    @EJB
    private LiveTrackKeys liveKeys;

    @EJB
    private LiveRecordingRecovery recovery;

    @Resource(lookup = "jdbc/vigil")
    private DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;

    /**
     * Our own pools over container-managed threads: the default managed executor's size is the server's to choose,
     * and 20 ms media ticks must never queue behind a database round trip, so the two get separate threads.
     */
    private ScheduledExecutorService media;
    private ScheduledExecutorService storage;
    private SimulatorTicks simulatorTicks;

    private SessionPersistence persistence;
    private CallSessionRows calls;
    private CallerHash callerHash;
    private CallRecorder recorder;
    private RecordingWorkers recordingWorkers;
    private final RelayLatency inbound = new RelayLatency();
    private final RelayLatency outbound = new RelayLatency();
    private final Map<TenantId, DataKeyWrapper> wrappers = new ConcurrentHashMap<>();
    private RedactionEngine redaction;
    private HttpClient http;
    private ScheduledFuture<?> worker;
    private AgentUpstreams agentUpstreams;
    private final IdleDeadlines idleDeadlines = new IdleDeadlines(System::currentTimeMillis);

    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // observing the event instantiates the bean, which starts the worker in @PostConstruct
    }

    @PostConstruct
    void start() {
        VigilConfig config = VigilConfig.current();
        calls = new CallSessionRows(dataSource);
        persistence = new SessionPersistence(QUEUE_CAPACITY,
                new FileSessionJournal(Path.of(config.require("vigil.journal-dir"))),
                new JdbcSessionSink(dataSource, Clock.systemUTC()), calls);
        callerHash = CallerHash.create(config.require("vigil.caller-hash-key"));
        recordingWorkers = new RecordingWorkers(RECORDING_THREADS, RECORDING_QUEUE, threads);
        recorder = new LiveRecorder(blobs.store(), this::audioKeys, recordingWorkers, archive::store,
                LiveTrackKeys.forRecorder(liveKeys));
        redaction = RedactionEngine.createDefault();
        http = HttpClient.newHttpClient();
        agentUpstreams = new AgentUpstreams(dataSource, config::get);
        media = Executors.newScheduledThreadPool(MEDIA_THREADS, threads);
        simulatorTicks = new SimulatorTicks(media, MEDIA_THREADS);
        media.scheduleWithFixedDelay(idleDeadlines::sweep, 1, 1, TimeUnit.SECONDS);
        storage = Executors.newSingleThreadScheduledExecutor(threads);
        worker = storage.scheduleWithFixedDelay(persistence::round, 0, DRAIN_EVERY_MS, TimeUnit.MILLISECONDS);
        Instant started = Instant.now();
        storage.execute(() -> recoverCrashedCalls(started)); // after the journal's first replay, on the same thread
    }

    /** Calls left LIVE by a crash get their recordings from their live tracks and are ended abnormally. */
    private void recoverCrashedCalls(Instant serverStarted) {
        try {
            int recovered = recovery.recoverAll(serverStarted);
            if (recovered > 0) {
                LOG.warning(recovered + " call(s) left by a crash or a failed store had their recordings recovered");
            }
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "calls left by a crash could not be recovered now; the next"
                    + " start tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        worker.cancel(false);
        simulatorTicks.close();
        media.shutdownNow();
        storage.shutdown();
        persistence.round(); // what is still queued goes to the database, or to the journal for the next start
        recordingWorkers.close();
    }

    /** A tenant's audio key wrapper, its keys created first if missing; asked once per tenant, at a call's start. */
    private DataKeyWrapper audioKeys(TenantId tenant) {
        return wrappers.computeIfAbsent(tenant, t -> {
            keys.ensureTenantKeys(t);
            return keys.wrapper(t);
        });
    }

    /** The model side of a new call; {@code callerScript} feeds the embedded agent only ('|' between turns). */
    UpstreamConnector upstream(String callerScript) {
        VigilConfig config = VigilConfig.current();
        return config.get("vigil.upstream.url")
                .<UpstreamConnector>map(url -> new RealtimeWebSocketConnector(http, URI.create(url),
                        config.require(config.require("vigil.upstream.key-setting"))))
                .orElseGet(() -> new InProcessSimulatorConnector(simulatorTicks, AgentScript.frontDesk(),
                        callerScript == null || callerScript.isBlank() ? DEFAULT_CALLER_LINES
                                : Arrays.stream(callerScript.split("\\|")).map(String::strip).toList()));
    }

    /**
     * The model side of a call of this agent profile: its own upstream when it has one ({@code agent_upstream}),
     * else as {@link #upstream(String)}.
     */
    UpstreamConnector upstream(AgentUpstream profile, String callerScript) {
        return profile.endpoint().<UpstreamConnector>map(url -> new RealtimeWebSocketConnector(http, url,
                agentUpstreams.apiKey(profile))).orElseGet(() -> upstream(callerScript));
    }

    /** Sets a WebSocket session's idle timeout, kept as a deadline that frames move (see {@link IdleDeadline}). */
    void idleTimeout(Session session, long millis) {
        idleDeadlines.install(session);
        session.setMaxIdleTimeout(millis);
    }

    AgentUpstreams agentUpstreams() { return agentUpstreams; }
    SessionPersistence persistence() { return persistence; }
    CallSessionRows calls() { return calls; }
    CallerHash callerHash() { return callerHash; }
    CallRecorder recorder() { return recorder; }
    RedactionEngine redaction() { return redaction; }
    RecordingWorkers recordingWorkers() { return recordingWorkers; }
    RelayLatency inboundLatency() { return inbound; }
    RelayLatency outboundLatency() { return outbound; }

    /** This node's relay figures for operators and the load harness: latency added per frame, queues, memory. */
    public RelayStats relayStats() {
        Runtime rt = Runtime.getRuntime();
        return new RelayStats(inbound, outbound, persistence.queued(), recordingWorkers.queued(),
                recordingWorkers.deferred(), rt.totalMemory() - rt.freeMemory(), rt.maxMemory());
    }

    /** Starts the latency figures afresh (before a load run). */
    public void resetRelayStats() {
        inbound.reset();
        outbound.reset();
    }

    /** A snapshot of {@link #relayStats()}. */
    public record RelayStats(RelayLatency inbound, RelayLatency outbound, int recordsQueued, int recordingFramesQueued,
                             int recordingsFinishing, long heapUsedBytes, long heapMaxBytes) {
    }
    ScheduledExecutorService media() { return media; }
}
