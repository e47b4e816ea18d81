package io.vigil.session.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.redaction.DetectedEntity;
import io.vigil.redaction.RedactionEngine;
import io.vigil.session.audio.MediaClock;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.domain.ConsentState;
import io.vigil.session.domain.DisclosureState;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.SessionEventType;
import io.vigil.session.domain.Severity;
import io.vigil.session.domain.Speaker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The governance pipeline of one live call, fed by {@link CanonicalEvent}s, answering with {@link SessionAction}s,
 * and writing {@link SessionRecord}s to a sink and raw audio to a recorder.
 *
 * <p><b>Disclosure gate (fails closed).</b> The agent's first turn is held: none of its audio reaches the caller until
 * its transcript contains one of the policy's disclosure phrases. Then the held audio is released and
 * DISCLOSURE_DELIVERED recorded. A first turn that ends without the disclosure is never played; a MISSING_DISCLOSURE
 * flag is raised and the model is asked once to say the tenant's disclosure verbatim; if that fails too the call ends.
 *
 * <p><b>Consent gate (fails closed).</b> Until consent is GIVEN (or NOT_REQUIRED) no raw audio goes to the
 * {@link AudioSink}; transcripts are still stored, redacted. Consent comes from the IVR ({@code consent} parameter),
 * from DTMF, or from the caller's first yes or no after the disclosure. A refusal raises a flag and continues without
 * recording or ends the call, per policy; a call that ends with consent still pending raises one too.
 *
 * <p><b>Barge-in.</b> When the caller starts to speak while agent audio is playing (or still streaming), the item is
 * silenced (its further audio is dropped), the door is told to stop playback, the model is told the item was heard
 * only up to {@link PlayoutTracker#playedMs what was really played}, and BARGE_IN records the played position, the
 * gateway's reaction time and the detection lag.
 *
 * <p><b>PCI pause.</b> Caller audio reaches the recorder through {@link PciAudioGate}: a turn that carries payment
 * card data ({@link CardTalk}) is recorded as silence of the same length, with RECORDING_PAUSED and RECORDING_RESUMED
 * at its bounds.
 *
 * <p><b>Transcripts and policy.</b> Every transcript is redacted as it streams ({@link TranscriptRedaction}) and only
 * the redacted text is stored. The caller's words are checked for prompt injection and risky intents; PII in the
 * agent's words, high-risk tool calls (held until the caller says yes) and slow turns raise flags.
 *
 * <p>Methods are synchronised: a door and an upstream may call from their own threads. Nothing here blocks: the sink
 * is a {@link BoundedSessionQueue} and the recorder writes to the blob store.
 */
public final class LiveSession {

    private final SessionStart start;
    private final SessionPolicy policy;
    private final RedactionEngine engine;
    private final SessionSink sink;
    private final AudioSink recorder;
    private final MediaClock clock;
    private final Consumer<SessionAction> actions;
    private final long startedAt;
    private final SessionMetrics metrics = new SessionMetrics();
    private final PlayoutTracker playout = new PlayoutTracker();
    private final Set<String> silencedItems = new HashSet<>();
    private final Map<String, TranscriptRedaction> transcripts = new LinkedHashMap<>();
    private final Map<String, Integer> itemStartMs = new HashMap<>();
    private final List<byte[]> heldAudio = new ArrayList<>();
    private final StringBuilder disclosureWords = new StringBuilder();
    private final PciAudioGate pci;
    private final CardTalk cardTalk = new CardTalk();

    private DisclosureState disclosure = DisclosureState.PENDING;
    private ConsentState consent = ConsentState.PENDING;
    private boolean recording;
    private String disclosureItem;
    private String disclosureResponse;
    private int disclosureFailures;
    private String streamingItem;
    private String streamingResponse;
    private CanonicalEvent.ToolCall heldTool;
    private long callerAudioMs;
    private long agentTrackEndMs;
    private int callerTurnStartMs;
    private int callerTurnEndMs;
    private long callerStoppedAt = -1;
    private long callerSpeechFromMs = -1;
    private long turnFirstAudioMs = -1;
    private int seq;
    private boolean ended;

    public LiveSession(SessionStart start, SessionPolicy policy, RedactionEngine engine, SessionSink sink,
                       AudioSink recorder, MediaClock clock, Consumer<SessionAction> actions) {
        this.start = start;
        this.policy = policy;
        this.engine = engine;
        this.sink = sink;
        this.recorder = recorder;
        this.clock = clock;
        this.actions = actions;
        this.startedAt = clock.nowMillis();
        this.pci = new PciAudioGate(recorder);
    }

    /** Records the start, takes an IVR's consent, and (when the gateway drives the model) asks for the greeting. */
    public synchronized void begin() {
        event(SessionEventType.SESSION_STARTED, json().put("channel", start.channel().name())
                .put("agentProfile", start.agentProfile()));
        if (!policy.consentRequired()) {
            consent = ConsentState.NOT_REQUIRED;
            recording = true;
        } else {
            String ivr = start.parameters().getOrDefault("consent", "").toLowerCase(Locale.ROOT);
            if (List.of("given", "yes", "true").contains(ivr)) {
                decideConsent(true, "consent given to the IVR before the call");
            } else if (List.of("refused", "no", "false").contains(ivr)) {
                decideConsent(false, "consent refused to the IVR before the call");
            }
        }
        if (policy.gatewayDriven() && !ended) {
            actions.accept(new SessionAction.RequestResponse(null));
        }
    }

    public synchronized void on(CanonicalEvent e) {
        if (ended) {
            metrics.badFrames++;
            return;
        }
        if (e instanceof CanonicalEvent.CallerAudio a) {
            callerAudio(a.pcm());
        } else if (e instanceof CanonicalEvent.AgentAudio a) {
            agentAudio(a);
        } else if (e instanceof CanonicalEvent.CallerSpeechStarted s) {
            speechStarted(s.audioStartMs());
        } else if (e instanceof CanonicalEvent.CallerSpeechStopped s) {
            pci.turnStopped(s.audioEndMs());
            if (callerSpeechFromMs >= 0) {
                metrics.callerTalkMs += Math.max(0, s.audioEndMs() - callerSpeechFromMs);
                callerSpeechFromMs = -1;
            }
            callerTurnEndMs = atMs();
            callerStoppedAt = clock.nowMillis();
            turnFirstAudioMs = -1;
            if (policy.gatewayDriven() && heldTool == null && disclosure != DisclosureState.FAILED) {
                actions.accept(new SessionAction.RequestResponse(null));
            }
        } else if (e instanceof CanonicalEvent.PlaybackMark m) {
            playout.markEchoed(m.name(), clock.nowMillis());
        } else if (e instanceof CanonicalEvent.TranscriptDelta d) {
            transcript(d.speaker(), d.itemId()).delta(d.text());
            if (d.speaker() == Speaker.AGENT && d.itemId().equals(disclosureItem)) {
                disclosureWords.append(d.text());
                checkDisclosure();
            }
        } else if (e instanceof CanonicalEvent.TranscriptDone d) {
            transcriptDone(d);
        } else if (e instanceof CanonicalEvent.ToolCall t) {
            toolCall(t);
        } else if (e instanceof CanonicalEvent.ResponseDone r) {
            responseDone(r);
        } else if (e instanceof CanonicalEvent.Dtmf d) {
            if (consent == ConsentState.PENDING && disclosure == DisclosureState.DELIVERED) {
                if (d.digit().equals(policy.consentYesDigit())) {
                    decideConsent(true, "pressed " + d.digit());
                } else if (d.digit().equals(policy.consentNoDigit())) {
                    decideConsent(false, "pressed " + d.digit());
                }
            }
        } else if (e instanceof CanonicalEvent.ProtocolError) {
            metrics.badFrames++;
        } else if (e instanceof CanonicalEvent.Hangup h) {
            end(h.endedBy());
        }
    }

    /** Ends the session (idempotent): closing flags, open transcripts, SESSION_ENDED with the metrics. */
    public synchronized void end(String endedBy) {
        if (ended) {
            return;
        }
        ended = true;
        if (consent == ConsentState.PENDING) {
            flag(FlagReason.MISSING_CONSENT, Severity.MEDIUM, "the call ended before the caller consented to "
                    + "recording; no audio was recorded");
        }
        if (disclosure == DisclosureState.PENDING && disclosureItem != null) {
            flag(FlagReason.MISSING_DISCLOSURE, Severity.HIGH, "the call ended before the agent's disclosure was "
                    + "confirmed; its audio was withheld");
        }
        for (Map.Entry<String, TranscriptRedaction> open : new ArrayList<>(transcripts.entrySet())) {
            String[] key = open.getKey().split(":", 2);
            storeSegment(Speaker.valueOf(key[0]), key[1], open.getValue(), null);
        }
        transcripts.clear();
        if (recording) {
            recordSafely(() -> pci.flush().forEach(this::paused));
        }
        metrics.durationMs = atMs();
        metrics.silenceMs = Math.max(0, metrics.durationMs - metrics.callerTalkMs - metrics.agentTalkMs);
        event(SessionEventType.SESSION_ENDED, json().put("endedBy", endedBy).set("metrics", metrics.toJson()));
        try {
            recorder.close();
        } catch (IOException | RuntimeException ex) {
            flag(FlagReason.RECORDING_FAILURE, Severity.HIGH, "the recording could not be completed: " + ex);
        }
    }

    public synchronized ConsentState consent() { return consent; }
    public synchronized DisclosureState disclosure() { return disclosure; }
    public synchronized boolean recording() { return recording; }
    public synchronized boolean ended() { return ended; }
    public synchronized SessionMetrics metrics() { return metrics; }

    // ---- audio ----

    private void callerAudio(byte[] pcm) {
        metrics.framesIn++;
        actions.accept(new SessionAction.SendCallerAudio(pcm));
        long durationMs = Pcm16.durationMs(pcm.length, start.channel().audioRate());
        if (recording) {
            long at = callerAudioMs;
            recordSafely(() -> pci.caller(at, durationMs, pcm).forEach(this::paused));
        }
        callerAudioMs += durationMs;
    }

    private void agentAudio(CanonicalEvent.AgentAudio a) {
        if (silencedItems.contains(a.itemId()) || disclosure == DisclosureState.FAILED) {
            metrics.framesDropped++;
            return;
        }
        streamingItem = a.itemId();
        streamingResponse = a.responseId();
        if (disclosure == DisclosureState.PENDING) {
            if (disclosureItem == null) {
                disclosureItem = a.itemId();
                disclosureResponse = a.responseId();
            }
            if (a.itemId().equals(disclosureItem)) {
                heldAudio.add(a.pcm());
            } else {
                metrics.framesDropped++;
            }
            return;
        }
        forward(a.itemId(), a.pcm());
    }

    private void forward(String itemId, byte[] pcm) {
        long now = clock.nowMillis();
        if (callerStoppedAt >= 0 && turnFirstAudioMs < 0) {
            turnFirstAudioMs = now - callerStoppedAt;
            metrics.turnLatenciesMs.add(turnFirstAudioMs);
            if (turnFirstAudioMs > policy.abnormalLatencyMs()) {
                flag(FlagReason.ABNORMAL_LATENCY, Severity.LOW, "the agent took " + turnFirstAudioMs
                        + " ms to answer (limit " + policy.abnormalLatencyMs() + " ms)");
            }
        }
        if (metrics.firstAgentAudioMs < 0) {
            metrics.firstAgentAudioMs = atMs();
        }
        itemStartMs.putIfAbsent(itemId, atMs());
        long durationMs = Pcm16.durationMs(pcm.length, start.channel().audioRate());
        String mark = playout.sent(itemId, durationMs, now);
        metrics.framesOut++;
        metrics.agentTalkMs += durationMs;
        actions.accept(new SessionAction.PlayToCaller(itemId, pcm, mark));
        if (recording) {
            long at = Math.max(atMs(), agentTrackEndMs);
            recordSafely(() -> recorder.write(AudioSink.Track.AGENT, at, pcm));
            agentTrackEndMs = at + durationMs;
        }
    }

    /** Recorder work that may fail; the session then degrades or ends per policy, never silently. */
    private interface RecorderWork {
        void run() throws IOException;
    }

    private void recordSafely(RecorderWork work) {
        try {
            work.run();
        } catch (IOException | RuntimeException ex) {
            recording = false;
            event(SessionEventType.RECORDING_PAUSED, json().put("reason", "FAILURE"));
            flag(FlagReason.RECORDING_FAILURE, Severity.HIGH, "the recorder failed (" + ex.getMessage()
                    + "); the call " + (policy.onRecordingFailure() == SessionPolicy.OnFailure.END_CALL
                    ? "was ended" : "went on without recording"));
            if (policy.onRecordingFailure() == SessionPolicy.OnFailure.END_CALL) {
                endCall("the call could not be recorded");
            }
        }
    }

    // ---- barge-in ----

    private void speechStarted(long audioStartMs) {
        long received = clock.nowMillis();
        pci.turnStarted(audioStartMs);
        callerSpeechFromMs = audioStartMs;
        callerTurnStartMs = atMs();
        String item = playout.playing(received) ? playout.currentItem() : streamingItem;
        if (item == null && disclosureItem == null) {
            return; // the agent is silent: an ordinary turn
        }
        long played;
        if (disclosure == DisclosureState.PENDING && disclosureItem != null) {
            item = disclosureItem; // interrupted before the disclosure was confirmed: nothing was played
            played = 0;
            metrics.framesDropped += heldAudio.size();
            heldAudio.clear();
            disclosureWords.setLength(0);
            disclosureItem = null;
            disclosureResponse = null;
        } else {
            played = item.equals(playout.currentItem()) ? playout.playedMs(received) : 0;
            playout.stopped(received);
            actions.accept(new SessionAction.StopPlayback(item));
        }
        silencedItems.add(item);
        streamingItem = null;
        if (policy.gatewayDriven()) {
            actions.accept(new SessionAction.TruncateAgentItem(item, played));
        }
        long reaction = clock.nowMillis() - received;
        metrics.bargeInReactionMs.add(reaction);
        event(SessionEventType.BARGE_IN, json().put("itemId", item).put("playedMs", played)
                .put("reactionMs", reaction).put("detectionMs", Math.max(0, callerAudioMs - audioStartMs)));
    }

    // ---- disclosure ----

    private void checkDisclosure() {
        String words = CallerIntent.normalise(disclosureWords.toString());
        if (disclosure != DisclosureState.PENDING || policy.disclosurePhrases().stream().noneMatch(words::contains)) {
            return;
        }
        disclosure = DisclosureState.DELIVERED;
        event(SessionEventType.DISCLOSURE_DELIVERED, json().put("text",
                engine.redact(disclosureWords.toString().strip()).redactedText()));
        String item = disclosureItem;
        for (byte[] pcm : heldAudio) {
            forward(item, pcm);
        }
        heldAudio.clear();
        disclosureItem = null;
        disclosureResponse = null;
    }

    private void disclosureMissing() {
        metrics.framesDropped += heldAudio.size();
        heldAudio.clear();
        silencedItems.add(disclosureItem);
        disclosureItem = null;
        disclosureResponse = null;
        disclosureWords.setLength(0);
        disclosureFailures++;
        if (disclosureFailures == 1) {
            flag(FlagReason.MISSING_DISCLOSURE, Severity.HIGH, "the agent's first turn did not contain the AI "
                    + "disclosure; it was withheld from the caller and the disclosure was requested");
            actions.accept(new SessionAction.RequestResponse("Say exactly: " + policy.disclosureText()));
        } else {
            disclosure = DisclosureState.FAILED;
            flag(FlagReason.MISSING_DISCLOSURE, Severity.CRITICAL, "the agent did not deliver the AI disclosure "
                    + "when asked; the call was ended");
            endCall("the AI disclosure could not be delivered");
        }
    }

    // ---- transcripts, consent, policy ----

    private TranscriptRedaction transcript(Speaker speaker, String itemId) {
        return transcripts.computeIfAbsent(speaker + ":" + itemId, k -> new TranscriptRedaction(engine));
    }

    private void transcriptDone(CanonicalEvent.TranscriptDone d) {
        TranscriptRedaction t = transcripts.remove(d.speaker() + ":" + d.itemId());
        if (t == null) {
            t = new TranscriptRedaction(engine);
        }
        if (d.speaker() == Speaker.AGENT && d.itemId().equals(disclosureItem)) {
            disclosureWords.setLength(0);
            disclosureWords.append(d.text());
            checkDisclosure();
            if (disclosure == DisclosureState.PENDING) {
                disclosureMissing();
            }
        }
        String redacted = storeSegment(d.speaker(), d.itemId(), t, d.text());
        if (d.speaker() == Speaker.CALLER) {
            boolean card = cardTalk.callerTurnCarriesCard(d.text(), t.entities());
            recordSafely(() -> paused(pci.judged(card)));
            callerSaid(d.text(), redacted);
        } else {
            cardTalk.agentSaid(d.text());
        }
    }

    private String storeSegment(Speaker speaker, String itemId, TranscriptRedaction t, String finalText) {
        String redacted = t.done(finalText);
        int startMs = speaker == Speaker.CALLER ? callerTurnStartMs : itemStartMs.getOrDefault(itemId, atMs());
        int endMs = Math.max(startMs, speaker == Speaker.CALLER ? Math.max(callerTurnEndMs, startMs) : atMs());
        if (!redacted.isEmpty()) {
            sink.transcript(new SessionRecord.Segment(start.tenantId(), start.sessionId(), ++seq, speaker, startMs,
                    endMs, redacted));
        }
        if (speaker == Speaker.AGENT && !t.entities().isEmpty()) {
            Set<String> types = new TreeSet<>();
            for (DetectedEntity e : t.entities()) {
                types.add(e.type().name());
            }
            flag(FlagReason.AGENT_SPOKE_PII, Severity.HIGH, "the agent said personal data (" + String.join(", ",
                    types) + "): \"" + redacted + "\"");
        }
        return redacted;
    }

    private void callerSaid(String text, String redacted) {
        if (consent == ConsentState.PENDING && disclosure == DisclosureState.DELIVERED) {
            Boolean yes = CallerIntent.yesOrNo(text);
            if (yes != null) {
                decideConsent(yes, redacted);
                if (ended) {
                    return;
                }
            }
        } else if (heldTool != null) {
            Boolean yes = CallerIntent.yesOrNo(text);
            if (yes != null) {
                CanonicalEvent.ToolCall t = heldTool;
                heldTool = null;
                event(SessionEventType.POLICY_TRIGGER, json().put("policy", "tool-confirmation")
                        .put("detail", t.name() + (yes ? " confirmed" : " declined") + " by the caller"));
                actions.accept(yes ? new SessionAction.RunTool(t.callId(), t.name(), t.arguments())
                        : new SessionAction.DeclineTool(t.callId(), "{\"error\":\"the caller declined\"}"));
            }
        }
        for (String rule : CallerIntent.matches(CallerIntent.INJECTION, text)) {
            event(SessionEventType.POLICY_TRIGGER, json().put("policy", "prompt-injection").put("detail", rule));
            flag(FlagReason.PROMPT_INJECTION, Severity.HIGH, rule + ": \"" + redacted + "\"");
        }
        for (String rule : CallerIntent.matches(CallerIntent.RISKY, text)) {
            event(SessionEventType.POLICY_TRIGGER, json().put("policy", "risky-intent").put("detail", rule));
            flag(FlagReason.RISKY_INTENT, Severity.MEDIUM, rule + ": \"" + redacted + "\"");
        }
    }

    private void decideConsent(boolean given, String utterance) {
        if (given) {
            consent = ConsentState.GIVEN;
            recording = true;
            event(SessionEventType.CONSENT_GIVEN, json().put("utterance", utterance));
            return;
        }
        consent = ConsentState.REFUSED;
        recording = false;
        event(SessionEventType.CONSENT_REFUSED, json().put("utterance", utterance));
        boolean endIt = policy.onConsentRefused() == SessionPolicy.OnFailure.END_CALL;
        flag(FlagReason.MISSING_CONSENT, Severity.LOW, "the caller refused recording; the call "
                + (endIt ? "was ended, as this tenant's policy requires" : "went on without recording"));
        if (endIt) {
            endCall("the caller refused recording, which this tenant requires");
        }
    }

    private void toolCall(CanonicalEvent.ToolCall t) {
        boolean high = policy.highRiskTools().contains(t.name());
        event(SessionEventType.TOOL_CALL, json().put("name", t.name()).put("risk", high ? "HIGH" : "LOW")
                .put("gated", high));
        if (!high) {
            actions.accept(new SessionAction.RunTool(t.callId(), t.name(), t.arguments()));
            return;
        }
        heldTool = t;
        flag(FlagReason.HIGH_RISK_TOOL_CALL, Severity.MEDIUM, "the agent called " + t.name()
                + "; held until the caller confirms");
        actions.accept(new SessionAction.RequestResponse("Say exactly: Before I go ahead, please confirm: shall I "
                + t.name().replace('_', ' ') + "? Please say yes or no."));
    }

    private void responseDone(CanonicalEvent.ResponseDone r) {
        if (r.responseId() != null && r.responseId().equals(disclosureResponse)
                && disclosure == DisclosureState.PENDING) {
            checkDisclosure();
            if (disclosure == DisclosureState.PENDING) {
                disclosureMissing();
            }
        }
        if (r.responseId() != null && r.responseId().equals(streamingResponse)) {
            streamingItem = null;
            streamingResponse = null;
        }
        ObjectNode p = json().put("responseId", r.responseId()).put("status", r.status())
                .put("firstAudioMs", turnFirstAudioMs);
        p.put("totalMs", callerStoppedAt < 0 ? -1 : clock.nowMillis() - callerStoppedAt);
        event(SessionEventType.RESPONSE_DONE, p);
    }

    /** A stretch of the caller's audio went to the recording as silence: RECORDING_PAUSED, then RESUMED. */
    private void paused(PciAudioGate.Pause p) {
        if (p == null) {
            return;
        }
        metrics.pciPausedMs += p.toMs() - p.fromMs();
        event(SessionEventType.RECORDING_PAUSED, (int) p.fromMs(), json().put("reason", p.reason())
                .put("track", "CALLER").put("fromMs", p.fromMs()));
        event(SessionEventType.RECORDING_RESUMED, (int) p.toMs(), json().put("reason", p.reason())
                .put("track", "CALLER").put("toMs", p.toMs()).put("silencedMs", p.toMs() - p.fromMs()));
    }

    private void endCall(String reason) {
        actions.accept(new SessionAction.EndCall(reason));
        end("POLICY");
    }

    // ---- records ----

    private int atMs() {
        return (int) Math.max(0, clock.nowMillis() - startedAt);
    }

    private static ObjectNode json() {
        return JsonNodeFactory.instance.objectNode();
    }

    private void event(SessionEventType type, ObjectNode payload) {
        event(type, atMs(), payload);
    }

    private void event(SessionEventType type, int at, ObjectNode payload) {
        sink.event(new SessionRecord.Event(start.tenantId(), start.sessionId(), type, at, payload.toString()));
    }

    private void flag(FlagReason reason, Severity severity, String evidence) {
        sink.flag(new SessionRecord.RaisedFlag(start.tenantId(), start.sessionId(), reason, severity, evidence,
                atMs()));
    }
}
