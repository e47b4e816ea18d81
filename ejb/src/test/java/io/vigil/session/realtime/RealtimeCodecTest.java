package io.vigil.session.realtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealtimeCodecTest {

    private final RealtimeCodec codec = new RealtimeCodec();
    private final ObjectMapper mapper = new ObjectMapper();

    private RealtimeEvent accept(String json) {
        RealtimeCodec.Decoded d = codec.decode(json);
        return assertInstanceOf(RealtimeCodec.Decoded.Accepted.class, d, () -> d.toString()).event();
    }

    private RealtimeEvent.Error reject(String json) {
        RealtimeCodec.Decoded d = codec.decode(json);
        return assertInstanceOf(RealtimeCodec.Decoded.Rejected.class, d, () -> d.toString()).error();
    }

    private void assertSameJson(String expected, String actual) throws Exception {
        assertEquals(mapper.readTree(expected), mapper.readTree(actual));
    }

    @Test
    void audioDeltaUnderBothNames() {
        String beta = "{\"event_id\":\"event_4\",\"type\":\"response.audio.delta\",\"response_id\":\"resp_1\","
                + "\"item_id\":\"item_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"AAEC/w==\"}";
        String ga = beta.replace("response.audio.delta", "response.output_audio.delta");
        RealtimeEvent.AudioDelta b = (RealtimeEvent.AudioDelta) accept(beta);
        RealtimeEvent.AudioDelta g = (RealtimeEvent.AudioDelta) accept(ga);
        assertEquals(AudioEventNaming.BETA, b.naming());
        assertEquals(AudioEventNaming.GA, g.naming());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xFF}, g.audio());
        assertEquals("item_1", g.itemId());
        assertEquals("resp_1", g.responseId());
    }

    @Test
    void transcriptEventsUnderBothNamesRoundTrip() throws Exception {
        for (String prefix : new String[] {"response.audio_transcript", "response.output_audio_transcript"}) {
            String delta = "{\"type\":\"" + prefix + ".delta\",\"event_id\":\"e1\",\"response_id\":\"r\","
                    + "\"item_id\":\"i\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hel\"}";
            String done = "{\"type\":\"" + prefix + ".done\",\"event_id\":\"e2\",\"response_id\":\"r\","
                    + "\"item_id\":\"i\",\"output_index\":0,\"content_index\":0,\"transcript\":\"Hello.\"}";
            assertEquals("Hel", ((RealtimeEvent.TranscriptDelta) accept(delta)).delta());
            assertEquals("Hello.", ((RealtimeEvent.TranscriptDone) accept(done)).transcript());
            assertSameJson(delta, codec.encode(accept(delta)));
            assertSameJson(done, codec.encode(accept(done)));
        }
    }

    @Test
    void clientEventsRoundTrip() throws Exception {
        String[] frames = {
            "{\"type\":\"session.update\",\"session\":{\"modalities\":[\"text\",\"audio\"],"
                + "\"input_audio_format\":\"pcm16\",\"turn_detection\":{\"type\":\"server_vad\"}}}",
            "{\"type\":\"input_audio_buffer.append\",\"event_id\":\"a1\",\"audio\":\"AAAAAA==\"}",
            "{\"type\":\"input_audio_buffer.commit\"}",
            "{\"type\":\"conversation.item.truncate\",\"item_id\":\"item_9\",\"content_index\":0,\"audio_end_ms\":1500}",
            "{\"type\":\"response.create\",\"response\":{\"instructions\":\"Be brief.\"}}",
            "{\"type\":\"response.cancel\"}",
            "{\"type\":\"conversation.item.create\",\"item\":{\"id\":\"msg_1\",\"object\":\"realtime.item\","
                + "\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}}",
        };
        for (String f : frames) {
            assertSameJson(f, codec.encode(accept(f)));
        }
        RealtimeEvent.ItemTruncate t = (RealtimeEvent.ItemTruncate) accept(frames[3]);
        assertEquals(1500, t.audioEndMs());
        assertEquals("Be brief.", ((RealtimeEvent.ResponseCreate) accept(frames[4])).instructions());
        assertEquals("hi", ((RealtimeEvent.ItemCreate) accept(frames[6])).item().spokenOrWrittenText());
    }

    @Test
    void serverEventsVigilReads() {
        RealtimeEvent.SpeechStarted s = (RealtimeEvent.SpeechStarted) accept("{\"event_id\":\"event_1516\","
                + "\"type\":\"input_audio_buffer.speech_started\",\"audio_start_ms\":1000,\"item_id\":\"msg_003\"}");
        assertEquals(1000, s.audioStartMs());
        RealtimeEvent.SpeechStopped st = (RealtimeEvent.SpeechStopped) accept("{\"event_id\":\"event_1718\","
                + "\"type\":\"input_audio_buffer.speech_stopped\",\"audio_end_ms\":2000,\"item_id\":\"msg_003\"}");
        assertEquals(2000, st.audioEndMs());
        RealtimeEvent.InputTranscriptionCompleted tr = (RealtimeEvent.InputTranscriptionCompleted) accept(
                "{\"event_id\":\"event_2122\",\"type\":\"conversation.item.input_audio_transcription.completed\","
                + "\"item_id\":\"msg_003\",\"content_index\":0,\"transcript\":\"Hello, how are you?\"}");
        assertEquals("Hello, how are you?", tr.transcript());
        RealtimeEvent.FunctionCallArgumentsDone f = (RealtimeEvent.FunctionCallArgumentsDone) accept(
                "{\"event_id\":\"event_5657\",\"type\":\"response.function_call_arguments.done\","
                + "\"response_id\":\"resp_002\",\"item_id\":\"fc_001\",\"output_index\":0,\"call_id\":\"call_001\","
                + "\"name\":\"issue_refund\",\"arguments\":\"{\\\"amount\\\":40}\"}");
        assertEquals("issue_refund", f.name());
        assertEquals("{\"amount\":40}", f.arguments());
        RealtimeEvent.ResponseDone d = (RealtimeEvent.ResponseDone) accept("{\"event_id\":\"event_3132\","
                + "\"type\":\"response.done\",\"response\":{\"id\":\"resp_001\",\"object\":\"realtime.response\","
                + "\"status\":\"cancelled\",\"output\":[],\"usage\":{\"total_tokens\":275}}}");
        assertEquals("resp_001", d.responseId());
        assertEquals("cancelled", d.status());
        RealtimeEvent.Error e = (RealtimeEvent.Error) accept("{\"event_id\":\"event_890\",\"type\":\"error\","
                + "\"error\":{\"type\":\"invalid_request_error\",\"code\":\"invalid_event\",\"message\":\"The "
                + "'type' field is missing.\",\"param\":null,\"event_id\":\"event_567\"}}");
        assertEquals("invalid_event", e.code());
        assertEquals("event_567", e.causeEventId());
        assertNull(e.param());
    }

    @Test
    void unknownEventsAreRelayedByteForByte() {
        String frame = "{ \"type\" : \"rate_limits.updated\", \"rate_limits\":[{\"name\":\"requests\",\"limit\":1000}]}";
        RealtimeEvent e = accept(frame);
        RealtimeEvent.Unknown u = assertInstanceOf(RealtimeEvent.Unknown.class, e);
        assertEquals("rate_limits.updated", u.type());
        assertSame(frame, codec.encode(u));
        assertEquals(1000, u.toJson().path("rate_limits").get(0).path("limit").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"type\":", "[1,2]", "42", "null", "{\"type\":\"a\"} trailing"})
    void malformedFramesGiveAnInvalidJsonError(String frame) {
        RealtimeEvent.Error e = reject(frame);
        assertEquals("invalid_json", e.code());
        assertEquals("invalid_request_error", e.errorType());
        assertTrue(e.message().length() > 10, e.message());
    }

    @Test
    void missingOrWrongFieldsAreNamed() {
        assertEquals("missing_type", reject("{\"event_id\":\"x\"}").code());
        RealtimeEvent.Error noAudio = reject("{\"type\":\"input_audio_buffer.append\",\"event_id\":\"ev7\"}");
        assertEquals("missing_field", noAudio.code());
        assertEquals("audio", noAudio.param());
        assertEquals("ev7", noAudio.causeEventId());
        assertEquals("invalid_field", reject("{\"type\":\"conversation.item.truncate\",\"item_id\":\"i\","
                + "\"audio_end_ms\":\"soon\"}").code());
        assertEquals("invalid_field", reject("{\"type\":\"conversation.item.truncate\",\"item_id\":\"i\","
                + "\"audio_end_ms\":-5}").code());
        RealtimeEvent.Error badAudio = reject("{\"type\":\"input_audio_buffer.append\",\"audio\":\"%%%\"}");
        assertEquals("invalid_audio", badAudio.code());
        assertTrue(badAudio.message().contains("base64"));
    }

    @Test
    void oversizedFramesAreRefusedWithTheLimitAndTheCodecStaysUsable() throws Exception {
        RealtimeCodec small = new RealtimeCodec(1024);
        String big = "{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + "A".repeat(2000) + "\"}";
        RealtimeCodec.Decoded d = small.decode(big);
        RealtimeEvent.Error e = ((RealtimeCodec.Decoded.Rejected) d).error();
        assertEquals("frame_too_large", e.code());
        assertTrue(e.message().contains("1024"), e.message());
        JsonNode wire = mapper.readTree(small.encode(e));
        assertEquals("error", wire.path("type").asText());
        assertEquals("frame_too_large", wire.path("error").path("code").asText());
        assertInstanceOf(RealtimeCodec.Decoded.Accepted.class,
                small.decode("{\"type\":\"input_audio_buffer.commit\"}"));
    }

    @Test
    void randomFramesNeverThrow() {
        Random r = new Random(7);
        String seed = "{\"type\":\"response.output_audio.delta\",\"item_id\":\"i\",\"delta\":\"AAAA\","
                + "\"output_index\":0}";
        for (int i = 0; i < 5000; i++) {
            char[] c = seed.toCharArray();
            for (int k = 0; k < 1 + r.nextInt(4); k++) {
                c[r.nextInt(c.length)] = (char) (32 + r.nextInt(95));
            }
            RealtimeCodec.Decoded d = codec.decode(new String(c));
            if (d instanceof RealtimeCodec.Decoded.Accepted a && !(a.event() instanceof RealtimeEvent.Unknown)) {
                codec.encode(a.event());
            }
        }
    }
}
