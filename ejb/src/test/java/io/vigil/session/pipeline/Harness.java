package io.vigil.session.pipeline;

import io.vigil.redaction.RedactionEngine;
import io.vigil.session.audio.MediaClock;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.domain.Channel;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.SessionEventType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A live session with a hand-driven clock and sinks that keep everything, for scenario tests. */
final class Harness implements SessionSink, AudioSink, MediaClock {

    static final RedactionEngine ENGINE = RedactionEngine.createDefault();

    record Written(Track track, long atMs, int bytes) {
    }

    final List<SessionRecord> records = new ArrayList<>();
    final List<SessionAction> actions = new ArrayList<>();
    final List<Written> written = new ArrayList<>();
    long now = 1_000;
    boolean recorderBroken;
    boolean closed;
    final LiveSession session;

    Harness(SessionPolicy policy, Map<String, String> parameters) {
        this(policy, parameters, null);
    }

    /** With {@code recorder} instead of this harness's own byte-counting one. */
    Harness(SessionPolicy policy, Map<String, String> parameters, AudioSink recorder) {
        session = new LiveSession(new SessionStart(UUID.randomUUID(), UUID.randomUUID(), "front-desk",
                Channel.PHONE, "caller-hash", parameters), policy, ENGINE, this, recorder == null ? this : recorder,
                this, actions::add);
    }

    Harness() {
        this(SessionPolicy.defaults(), Map.of());
    }

    /** The rate of the harness's (phone) session. */
    static final int RATE = Channel.PHONE.audioRate();

    static byte[] ms(int millis) {
        return new byte[Pcm16.bytesFor(millis, RATE)];
    }

    /** Delivers the first agent turn with a disclosure, so the session is open for the rest of a test. */
    void discloseAndConsent() {
        session.on(new CanonicalEvent.AgentAudio("r0", "greet", ms(100)));
        session.on(new CanonicalEvent.TranscriptDelta(io.vigil.session.domain.Speaker.AGENT, "greet",
                "Hi, I am a virtual assistant. May I record this call?"));
        session.on(new CanonicalEvent.TranscriptDone(io.vigil.session.domain.Speaker.AGENT, "greet",
                "Hi, I am a virtual assistant. May I record this call?"));
        session.on(new CanonicalEvent.ResponseDone("r0", "completed"));
        session.on(new CanonicalEvent.TranscriptDone(io.vigil.session.domain.Speaker.CALLER, "c0", "Yes."));
        actions.clear();
    }

    List<SessionEventType> eventTypes() {
        return records.stream().filter(r -> r instanceof SessionRecord.Event)
                .map(r -> ((SessionRecord.Event) r).type()).toList();
    }

    List<SessionRecord.Event> events(SessionEventType type) {
        return records.stream().filter(r -> r instanceof SessionRecord.Event e && e.type() == type)
                .map(r -> (SessionRecord.Event) r).toList();
    }

    List<SessionRecord.RaisedFlag> flags(FlagReason reason) {
        return records.stream().filter(r -> r instanceof SessionRecord.RaisedFlag f && f.reason() == reason)
                .map(r -> (SessionRecord.RaisedFlag) r).toList();
    }

    List<SessionRecord.Segment> segments() {
        return records.stream().filter(r -> r instanceof SessionRecord.Segment).map(r -> (SessionRecord.Segment) r)
                .toList();
    }

    <T extends SessionAction> List<T> actions(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override public void event(SessionRecord.Event event) { records.add(event); }
    @Override public void transcript(SessionRecord.Segment segment) { records.add(segment); }
    @Override public void flag(SessionRecord.RaisedFlag flag) { records.add(flag); }

    @Override
    public void write(Track track, long atMs, byte[] pcm) throws IOException {
        if (recorderBroken) {
            throw new IOException("blob store full");
        }
        written.add(new Written(track, atMs, pcm.length));
    }

    @Override public void close() { closed = true; }
    @Override public long nowMillis() { return now; }
}
