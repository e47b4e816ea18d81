package io.vigil.session.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.session.audio.Base64Audio;
import io.vigil.session.domain.Channel;
import io.vigil.session.realtime.RealtimeCodec;
import io.vigil.session.realtime.RealtimeEvent;
import io.vigil.session.twilio.TwilioCodec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Grammar-aware fuzzing of both doors' protocol parsers and of the gateways behind them. Frames are made from valid
 * Realtime and Twilio messages by random structural mutations (fields dropped, values swapped for any JSON value,
 * types renamed, base64 spoiled, text cut or spliced, nesting changed) and from raw random text. The properties:
 * a parser never throws and refuses with a known code and a message that says what to fix; whatever a parser
 * accepts it can write back; the gateways never throw, answer every refused Realtime frame with exactly one
 * {@code error} event and never pass a refused frame upstream. Seeds are fixed so a failure can be replayed; the
 * number of frames per property is {@code -Dvigil.fuzz.frames} (default 20,000).
 */
class ProtocolFuzzTest {

    private static final int FRAMES = Integer.getInteger("vigil.fuzz.frames", 20_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REALTIME_CODES = Set.of("frame_too_large", "invalid_json", "missing_type",
            "missing_field", "invalid_field", "invalid_audio", "unknown_event", "unsupported_audio_format",
            "session_ended");

    private static final List<String> REALTIME = List.of(
            "{\"type\":\"session.update\",\"session\":{\"input_audio_format\":\"pcm16\",\"voice\":\"alloy\"}}",
            "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":{\"format\":"
                    + "{\"type\":\"audio/pcm\",\"rate\":24000}}}}}",
            "{\"type\":\"input_audio_buffer.append\",\"event_id\":\"e1\",\"audio\":\"AAAAAAAAAAA=\"}",
            "{\"type\":\"input_audio_buffer.commit\"}",
            "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\",\"content\":"
                    + "[{\"type\":\"input_text\",\"text\":\"hello\"}]}}",
            "{\"type\":\"conversation.item.truncate\",\"item_id\":\"item_1\",\"content_index\":0,\"audio_end_ms\":1500}",
            "{\"type\":\"response.create\",\"response\":{\"instructions\":\"Say hi\"}}",
            "{\"type\":\"response.cancel\"}",
            "{\"type\":\"session.created\",\"session\":{\"id\":\"s\"}}",
            "{\"type\":\"input_audio_buffer.speech_started\",\"audio_start_ms\":100,\"item_id\":\"i\"}",
            "{\"type\":\"input_audio_buffer.speech_stopped\",\"audio_end_ms\":900,\"item_id\":\"i\"}",
            "{\"type\":\"response.output_audio.delta\",\"response_id\":\"r\",\"item_id\":\"i\",\"output_index\":0,"
                    + "\"content_index\":0,\"delta\":\"AAAAAA==\"}",
            "{\"type\":\"response.audio.delta\",\"response_id\":\"r\",\"item_id\":\"i\",\"delta\":\"AAAA\"}",
            "{\"type\":\"response.output_audio_transcript.delta\",\"response_id\":\"r\",\"item_id\":\"i\",\"delta\":"
                    + "\"I am a virtual assistant\"}",
            "{\"type\":\"response.audio_transcript.done\",\"item_id\":\"i\",\"transcript\":\"Hi there\"}",
            "{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"c\",\"transcript\":"
                    + "\"yes\"}",
            "{\"type\":\"response.function_call_arguments.done\",\"response_id\":\"r\",\"item_id\":\"f\","
                    + "\"call_id\":\"call_1\",\"name\":\"issue_refund\",\"arguments\":\"{}\"}",
            "{\"type\":\"response.done\",\"response\":{\"id\":\"r\",\"status\":\"completed\"}}",
            "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"code\":\"x\",\"message\":\"m\"}}");

    private static final String SID = "MZ00000000000000000000000000000001";
    private static final List<String> TWILIO = List.of(
            "{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}",
            "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"accountSid\":\"AC1\",\"streamSid\":\"" + SID
                    + "\",\"callSid\":\"CA1\",\"tracks\":[\"inbound\"],\"customParameters\":{\"consent\":\"given\"},"
                    + "\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}},"
                    + "\"streamSid\":\"" + SID + "\"}",
            "{\"event\":\"media\",\"sequenceNumber\":\"3\",\"media\":{\"track\":\"inbound\",\"chunk\":\"1\","
                    + "\"timestamp\":\"5\",\"payload\":\"/////w==\"},\"streamSid\":\"" + SID + "\"}",
            "{\"event\":\"mark\",\"sequenceNumber\":\"4\",\"streamSid\":\"" + SID + "\",\"mark\":{\"name\":\"vigil-1\"}}",
            "{\"event\":\"dtmf\",\"streamSid\":\"" + SID + "\",\"sequenceNumber\":\"5\",\"dtmf\":{\"track\":"
                    + "\"inbound_track\",\"digit\":\"1\"}}",
            "{\"event\":\"stop\",\"sequenceNumber\":\"6\",\"streamSid\":\"" + SID + "\",\"stop\":{\"accountSid\":"
                    + "\"AC1\",\"callSid\":\"CA1\"}}");

    @Test
    void theRealtimeCodecNeverThrowsAndRefusesWithAKnownCode() {
        RealtimeCodec codec = new RealtimeCodec(4096);
        SplittableRandom random = new SplittableRandom(7);
        int refused = 0;
        for (int i = 0; i < FRAMES; i++) {
            String frame = fuzz(REALTIME, random);
            RealtimeCodec.Decoded d = codec.decode(frame);
            if (d instanceof RealtimeCodec.Decoded.Rejected r) {
                refused++;
                assertTrue(REALTIME_CODES.contains(r.error().code()), () -> r.error().code() + " for " + frame);
                assertFalse(r.error().message().isBlank(), frame);
                assertEquals("error", tree(codec.encode(r.error())).path("type").asText());
            } else {
                RealtimeEvent e = ((RealtimeCodec.Decoded.Accepted) d).event();
                assertNotNull(e.type(), frame);
                assertNotNull(codec.encode(e), frame); // whatever is accepted can be written back
            }
        }
        assertTrue(refused > FRAMES / 10 && refused < FRAMES, "the fuzzer reached both outcomes: " + refused);
    }

    @Test
    void theTwilioCodecNeverThrowsAndSaysWhy() {
        TwilioCodec codec = new TwilioCodec(4096);
        SplittableRandom random = new SplittableRandom(11);
        int refused = 0;
        for (int i = 0; i < FRAMES; i++) {
            String frame = fuzz(TWILIO, random);
            TwilioCodec.Decoded d = codec.decode(frame);
            if (d instanceof TwilioCodec.Decoded.Rejected r) {
                refused++;
                assertFalse(r.reason() == null || r.reason().isBlank(), frame);
            }
        }
        assertTrue(refused > FRAMES / 10 && refused < FRAMES, "the fuzzer reached both outcomes: " + refused);
    }

    @Test
    void theRealtimeRelayAnswersEveryRefusedFrameAndForwardsNothingBad() {
        Harness sinks = new Harness();
        List<String> toClient = new ArrayList<>();
        List<String> toUpstream = new ArrayList<>();
        RealtimeRelay relay = new RealtimeRelay(actions -> new LiveSession(new SessionStart(UUID.randomUUID(),
                UUID.randomUUID(), "p", Channel.REALTIME_API, "h", Map.of()), SessionPolicy.defaults()
                .withGatewayDriven(false), Harness.ENGINE, sinks, sinks, sinks, actions), new RealtimeCodec(4096),
                toClient::add, toUpstream::add, reason -> { });
        relay.start(null);
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < FRAMES; i++) {
            toClient.clear();
            toUpstream.clear();
            String frame = fuzz(REALTIME, random);
            relay.fromClient(frame);
            List<String> errors = toClient.stream().filter(f -> tree(f).path("type").asText().equals("error"))
                    .toList();
            if (!errors.isEmpty()) {
                assertEquals(1, errors.size(), frame);
                assertTrue(toUpstream.isEmpty(), () -> "a refused frame went upstream: " + frame);
                assertTrue(REALTIME_CODES.contains(tree(errors.get(0)).path("error").path("code").asText()), frame);
            } else {
                assertEquals(1, toUpstream.size(), () -> "an accepted client frame goes upstream once: " + frame);
            }
            // and the upstream direction: server frames of any shape never throw
            relay.fromUpstream(fuzz(REALTIME, random));
        }
    }

    @Test
    void theTwilioGatewayNeverThrows() {
        Harness sinks = new Harness();
        List<String> out = new ArrayList<>();
        TwilioCallGateway gateway = new TwilioCallGateway((start, actions) -> new LiveSession(new SessionStart(
                UUID.randomUUID(), UUID.randomUUID(), "p", Channel.PHONE, "h", start.customParameters()),
                SessionPolicy.defaults(), Harness.ENGINE, sinks, sinks, sinks, actions), (name, args) -> "{}",
                out::add, out::add, reason -> { });
        SplittableRandom random = new SplittableRandom(17);
        gateway.fromTwilio(TWILIO.get(1));
        for (int i = 0; i < FRAMES; i++) {
            String frame = fuzz(TWILIO, random);
            if (!frame.contains("\"stop\"")) { // a stop ends the call; everything after it is refused, which is fine
                gateway.fromTwilio(frame);
            }
            gateway.fromUpstream(fuzz(REALTIME, random));
        }
        assertTrue(out.size() > 0);
    }

    // ---- the generator ----

    private static String fuzz(List<String> seeds, SplittableRandom r) {
        String seed = seeds.get(r.nextInt(seeds.size()));
        switch (r.nextInt(10)) {
            case 0:
                return randomText(r, r.nextInt(200));
            case 1:
                return cut(seed, r);
            case 2:
                return splice(seed, r);
            default:
                JsonNode tree = tree(seed);
                int mutations = 1 + r.nextInt(3);
                for (int m = 0; m < mutations; m++) {
                    tree = mutate(tree, r);
                }
                return tree.toString();
        }
    }

    private static JsonNode mutate(JsonNode node, SplittableRandom r) {
        if (!(node instanceof ObjectNode o) || o.isEmpty() || r.nextInt(12) == 0) {
            return r.nextInt(4) == 0 ? JsonNodeFactory.instance.arrayNode().add(node) : anyValue(r, 2);
        }
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        String field = fields.get(r.nextInt(fields.size()));
        switch (r.nextInt(6)) {
            case 0 -> o.remove(field);
            case 1 -> o.set(field, anyValue(r, 2));
            case 2 -> o.set(field, mutate(o.get(field), r));
            case 3 -> o.put(field, r.nextBoolean() ? "AA=" + randomText(r, 5) : Base64Audio.encode(new byte[
                    r.nextInt(7)]));
            case 4 -> o.put("type", r.nextBoolean() ? randomText(r, 12) : REALTIME_TYPES.get(r.nextInt(
                    REALTIME_TYPES.size())));
            default -> o.set(randomText(r, 6), anyValue(r, 1));
        }
        return o;
    }

    private static final List<String> REALTIME_TYPES = List.of("session.update", "input_audio_buffer.append",
            "conversation.item.truncate", "response.create", "response.output_audio.delta", "error",
            "conversation.item.create", "response.done", "media", "start", "stop", "mark");

    private static JsonNode anyValue(SplittableRandom r, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (r.nextInt(depth > 0 ? 9 : 7)) {
            case 0: return f.nullNode();
            case 1: return f.booleanNode(r.nextBoolean());
            case 2: return f.numberNode(r.nextLong());
            case 3: return f.numberNode(-1 - r.nextInt(100));
            case 4: return f.numberNode(r.nextDouble() * 1e30);
            case 5: return f.textNode(randomText(r, r.nextInt(30)));
            case 6: return f.textNode("");
            case 7:
                ArrayNode a = f.arrayNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    a.add(anyValue(r, depth - 1));
                }
                return a;
            default:
                ObjectNode o = f.objectNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    o.set(randomText(r, 4), anyValue(r, depth - 1));
                }
                return o;
        }
    }

    private static String cut(String s, SplittableRandom r) {
        return s.substring(0, r.nextInt(s.length()));
    }

    private static String splice(String s, SplittableRandom r) {
        int at = r.nextInt(s.length());
        return s.substring(0, at) + randomText(r, 1 + r.nextInt(8)) + s.substring(at);
    }

    private static String randomText(SplittableRandom r, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = r.nextInt(10);
            b.appendCodePoint(kind < 6 ? 32 + r.nextInt(95) : kind < 8 ? "{}[]\":,\\".charAt(r.nextInt(8))
                    : kind == 8 ? r.nextInt(32) : 0x80 + r.nextInt(0x2FFF));
        }
        return b.toString();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
