package io.vigil.session.pipeline.bench;

import io.vigil.redaction.RedactionEngine;
import io.vigil.session.audio.Base64Audio;
import io.vigil.session.audio.MediaClock;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.domain.Channel;
import io.vigil.session.pipeline.AudioSink;
import io.vigil.session.pipeline.LiveSession;
import io.vigil.session.pipeline.RealtimeRelay;
import io.vigil.session.pipeline.SessionPolicy;
import io.vigil.session.pipeline.SessionRecord;
import io.vigil.session.pipeline.SessionSink;
import io.vigil.session.pipeline.SessionStart;
import io.vigil.session.realtime.RealtimeCodec;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the {@code /v1/realtime} relay adds to each frame, on one thread, without the network: an agent audio delta
 * from the upstream (100 ms of PCM16, as the Realtime API sends them) decoded, through the pipeline (disclosure
 * already delivered, consent given, so the recorder is called) and re-encoded for the client; and a caller append
 * (20 ms, as SDK agents send them) decoded, through the pipeline and re-encoded for the upstream. Sample time gives
 * p50/p99 per frame.
 *
 * <p>Run: {@code mvn -B -q -pl ejb -am test-compile -DskipTests && mvn -B -pl ejb exec:exec
 * -Dbench=RealtimeRelayBenchmark} (see docs/benchmarks.md). Numbers for a report, never assertions.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RealtimeRelayBenchmark {

    private RealtimeRelay relay;
    private String agentDelta;
    private String callerAppend;
    private Blackhole sent;

    @Setup
    public void open(Blackhole blackhole) {
        sent = blackhole;
        SessionSink discard = new SessionSink() {
            @Override public void event(SessionRecord.Event event) { sent.consume(event); }
            @Override public void transcript(SessionRecord.Segment segment) { sent.consume(segment); }
            @Override public void flag(SessionRecord.RaisedFlag flag) { sent.consume(flag); }
        };
        AudioSink recorder = new AudioSink() {
            @Override public void write(Track track, long atMs, byte[] pcm) { sent.consume(pcm); }
            @Override public void close() { }
        };
        relay = new RealtimeRelay(actions -> new LiveSession(new SessionStart(UUID.randomUUID(), UUID.randomUUID(),
                "bench", Channel.REALTIME_API, "h", Map.of("consent", "given")),
                SessionPolicy.defaults().withGatewayDriven(false), RedactionEngine.createDefault(), discard, recorder,
                MediaClock.system(), actions), new RealtimeCodec(), sent::consume, sent::consume, reason -> { });
        relay.start(null);
        agentDelta = "{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r1\","
                + "\"item_id\":\"i1\",\"output_index\":0,\"content_index\":0,\"delta\":\""
                + Base64Audio.encode(tone(100)) + "\"}";
        relay.fromUpstream(agentDelta);
        relay.fromUpstream("{\"type\":\"response.output_audio_transcript.delta\",\"response_id\":\"r1\","
                + "\"item_id\":\"i1\",\"output_index\":0,\"content_index\":0,\"delta\":\"I am a virtual assistant.\"}");
        callerAppend = "{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + Base64Audio.encode(tone(20)) + "\"}";
    }

    private static byte[] tone(int ms) {
        short[] s = new short[Pcm16.bytesFor(ms, Pcm16.REALTIME_RATE) / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / Pcm16.REALTIME_RATE));
        }
        return Pcm16.toBytes(s);
    }

    @Benchmark
    public void agentAudioDeltaToClient() {
        relay.fromUpstream(agentDelta);
    }

    @Benchmark
    public void callerAppendToUpstream() {
        relay.fromClient(callerAppend);
    }
}
