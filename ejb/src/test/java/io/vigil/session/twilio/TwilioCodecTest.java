package io.vigil.session.twilio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The message shapes are those of Twilio's Media Streams documentation ("WebSocket messages"). */
class TwilioCodecTest {

    private final TwilioCodec codec = new TwilioCodec();

    private TwilioMessage accept(String json) {
        TwilioCodec.Decoded d = codec.decode(json);
        return assertInstanceOf(TwilioCodec.Decoded.Accepted.class, d, d::toString).message();
    }

    @Test
    void documentedInboundSequence() {
        TwilioMessage.Connected c = (TwilioMessage.Connected) accept(
                "{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
        assertEquals("Call", c.protocol());
        TwilioMessage.Start s = (TwilioMessage.Start) accept("{\"event\":\"start\",\"sequenceNumber\":\"1\","
                + "\"start\":{\"accountSid\":\"AC123\",\"streamSid\":\"MZ18ad3ab5a668481ce02b83e7395059f0\","
                + "\"callSid\":\"CA123\",\"tracks\":[\"inbound\"],\"customParameters\":{\"agentProfile\":\"billing\","
                + "\"consent\":\"given\"},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,"
                + "\"channels\":1}},\"streamSid\":\"MZ18ad3ab5a668481ce02b83e7395059f0\"}");
        assertEquals("MZ18ad3ab5a668481ce02b83e7395059f0", s.streamSid());
        assertEquals(1, s.sequenceNumber());
        assertEquals(Map.of("agentProfile", "billing", "consent", "given"), s.customParameters());
        assertEquals(List.of("inbound"), s.tracks());
        assertEquals(8000, s.sampleRate());
        assertEquals("audio/x-mulaw", s.encoding());
        TwilioMessage.Media m = (TwilioMessage.Media) accept("{\"event\":\"media\",\"sequenceNumber\":\"3\","
                + "\"media\":{\"track\":\"inbound\",\"chunk\":\"1\",\"timestamp\":\"5\",\"payload\":\"/38A\"},"
                + "\"streamSid\":\"MZ1\"}");
        assertArrayEquals(new byte[] {(byte) 0xFF, 0x7F, 0x00}, m.payload());
        assertEquals(5, m.timestampMs());
        assertEquals(1, m.chunk());
        TwilioMessage.Dtmf d = (TwilioMessage.Dtmf) accept("{\"event\":\"dtmf\",\"streamSid\":\"MZ1\","
                + "\"sequenceNumber\":\"5\",\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\"1\"}}");
        assertEquals("1", d.digit());
        TwilioMessage.Mark k = (TwilioMessage.Mark) accept("{\"event\":\"mark\",\"sequenceNumber\":\"4\","
                + "\"streamSid\":\"MZ1\",\"mark\":{\"name\":\"my label\"}}");
        assertEquals("my label", k.name());
        TwilioMessage.Stop st = (TwilioMessage.Stop) accept("{\"event\":\"stop\",\"sequenceNumber\":\"5\","
                + "\"streamSid\":\"MZ1\",\"stop\":{\"accountSid\":\"AC123\",\"callSid\":\"CA123\"}}");
        assertEquals("CA123", st.callSid());
    }

    @Test
    void outboundMessagesHaveTwiliosShape() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree("{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"/38A\"}}"),
                mapper.readTree(codec.encode(TwilioMessage.Media.outbound("MZ1", new byte[] {-1, 0x7F, 0}))));
        assertEquals(mapper.readTree("{\"event\":\"mark\",\"streamSid\":\"MZ1\",\"mark\":{\"name\":\"v7\"}}"),
                mapper.readTree(codec.encode(new TwilioMessage.Mark("MZ1", -1, "v7"))));
        assertEquals(mapper.readTree("{\"event\":\"clear\",\"streamSid\":\"MZ1\"}"),
                mapper.readTree(codec.encode(new TwilioMessage.Clear("MZ1"))));
    }

    @Test
    void badFramesAreRejectedWithAReason() {
        String[] bad = {"", "{", "[]", "{\"event\":3}", "{\"event\":\"media\",\"media\":{\"payload\":\"**\"}}",
            "{\"event\":\"media\",\"sequenceNumber\":\"x1\",\"media\":{\"payload\":\"AA==\"}}",
            "{\"event\":\"start\",\"start\":{}}", "{\"event\":\"media\"}"};
        for (String frame : bad) {
            TwilioCodec.Decoded d = codec.decode(frame);
            TwilioCodec.Decoded.Rejected r = assertInstanceOf(TwilioCodec.Decoded.Rejected.class, d, frame);
            assertTrue(r.reason().length() > 5);
        }
        TwilioCodec tiny = new TwilioCodec(100);
        TwilioCodec.Decoded.Rejected big = (TwilioCodec.Decoded.Rejected) tiny.decode(
                "{\"event\":\"media\",\"media\":{\"payload\":\"" + "A".repeat(200) + "\"}}");
        assertTrue(big.reason().contains("100-character limit"));
        assertInstanceOf(TwilioMessage.Unknown.class, accept("{\"event\":\"newThing\"}"));
    }

    @Test
    void theMediaFastPathReadsExactlyWhatTheFullParserReads() {
        List<String> frames = List.of(
                "{\"event\":\"media\",\"sequenceNumber\":\"3\",\"media\":{\"track\":\"inbound\",\"chunk\":\"1\","
                        + "\"timestamp\":\"5\",\"payload\":\"/38A\"},\"streamSid\":\"MZ1\"}",
                "{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"track\":\"inbound\",\"payload\":\"/38A\"}}",
                " { \"event\" : \"media\" ,\n \"media\" : { \"payload\" : \"/38A\" , \"chunk\" : 7 } }\t",
                "{\"event\":\"media\",\"media\":{\"payload\":\"/38A\",\"timestamp\":-20},\"sequenceNumber\":12}",
                "{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\"},\"media\":{\"payload\":\"/38A\"}}",
                "{\"media\":{\"payload\":\"/38A\"},\"event\":\"mark\",\"event\":\"media\"}",
                "{\"event\":\"media\",\"streamSid\":\"MZ\\u0031\",\"media\":{\"payload\":\"/38A\"}}",
                "{\"event\":\"media\",\"streamSid\":42,\"media\":{\"payload\":\"/38A\"}}",
                "{\"event\":\"media\",\"sequenceNumber\":\"+3\",\"media\":{\"payload\":\"/38A\"}}",
                "{\"event\":\"media\",\"sequenceNumber\":\"x\",\"media\":{\"payload\":\"/38A\"}}",
                "{\"event\":\"media\",\"sequenceNumber\":1.5,\"media\":{\"payload\":\"/38A\"}}",
                "{\"event\":\"media\",\"media\":{\"payload\":\"/38\"}}",
                "{\"event\":\"media\",\"media\":{\"payload\":7}}",
                "{\"event\":\"media\",\"media\":{\"track\":null,\"payload\":\"/38A\"}}",
                "{\"event\":\"media\",\"media\":\"/38A\"}",
                "{\"event\":\"media\"}",
                "{\"event\":\"media\",\"media\":{\"payload\":\"/38A\"}} x",
                "{\"event\":\"media\",\"media\":{\"payload\":\"/38A\"}",
                "{\"event\":\"media\",\"extra\":[1,2],\"media\":{\"payload\":\"/38A\"}}",
                "{\"event\":\"media\",\"media\":{\"payload\":\"/38A\",\"chunk\":0123}}",
                "{\"event\":\"mark\",\"streamSid\":\"MZ1\",\"mark\":{\"name\":\"m1\"}}");
        for (String frame : frames) {
            assertEquals(describe(codec.decodeTree(frame)), describe(codec.decode(frame)), frame);
        }
    }

    /** A decoding as text, payload bytes included (records compare arrays by identity). */
    private static String describe(TwilioCodec.Decoded d) {
        if (d instanceof TwilioCodec.Decoded.Accepted a && a.message() instanceof TwilioMessage.Media m) {
            return "media " + m.streamSid() + " " + m.sequenceNumber() + " " + m.track() + " " + m.chunk() + " "
                    + m.timestampMs() + " " + java.util.Arrays.toString(m.payload());
        }
        return d instanceof TwilioCodec.Decoded.Rejected r ? "rejected" : d.toString();
    }

    @Test
    void theOutboundMediaFastPathWritesWhatJacksonWrites() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        byte[] audio = new byte[160];
        new java.util.Random(2).nextBytes(audio);
        for (String sid : List.of("MZ18ad3ab5a668481ce02b83e7395059f0", "with \"quote\" and \\", "caf\u00e9", "")) {
            String written = codec.encode(TwilioMessage.Media.outbound(sid, audio));
            com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(written);
            assertEquals(sid, tree.path("streamSid").asText());
            assertEquals("media", tree.path("event").asText());
            assertArrayEquals(audio, java.util.Base64.getDecoder().decode(tree.path("media").path("payload").asText()));
            assertEquals(mapper.writeValueAsString(tree), written, "the same bytes as the tree written by Jackson");
        }
    }
}
