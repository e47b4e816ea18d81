package io.vigil.session.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.session.audio.Base64Audio;
import io.vigil.session.domain.Channel;
import io.vigil.session.domain.SessionEventType;
import io.vigil.session.twilio.TwilioCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad frames from either side are counted and ignored; the call and its data go on untouched. */
class GatewayRobustnessTest {

    private final Harness sinks = new Harness();
    private final List<String> upstream = new ArrayList<>();
    private LiveSession session;
    private final TwilioCallGateway gateway = new TwilioCallGateway((start, actions) -> {
        session = new LiveSession(new SessionStart(UUID.randomUUID(), UUID.randomUUID(), "front-desk",
                Channel.PHONE, "c", start.customParameters()), SessionPolicy.defaults(), Harness.ENGINE, sinks,
                sinks, sinks, actions);
        return session;
    }, (n, a) -> "{}", f -> { }, upstream::add, r -> { });

    private static String media(int seq) {
        return "{\"event\":\"media\",\"sequenceNumber\":\"" + seq + "\",\"media\":{\"track\":\"inbound\","
                + "\"payload\":\"" + Base64Audio.encode(new byte[160]) + "\"},"
                + "\"streamSid\":\"MZ1\"}";
    }

    private long appends() {
        return upstream.stream().filter(f -> f.contains("input_audio_buffer.append")).count();
    }

    @Test
    void malformedOversizedAndLateFramesAreCountedAndLoseNothing() throws Exception {
        gateway.fromTwilio(media(0)); // before start: refused, counted
        gateway.fromTwilio("{\"event\":\"start\",\"start\":{\"streamSid\":\"MZ1\",\"customParameters\":"
                + "{\"consent\":\"given\"}},\"streamSid\":\"MZ1\"}");
        gateway.fromTwilio(media(1));
        gateway.fromTwilio("{not json");
        gateway.fromTwilio("{\"event\":\"media\",\"media\":{\"payload\":\"@@@\"}}");
        gateway.fromTwilio("{\"event\":\"media\",\"media\":{\"payload\":\""
                + "A".repeat(TwilioCodec.DEFAULT_MAX_FRAME_CHARS) + "\"}}");
        gateway.fromTwilio(media(2));
        gateway.fromUpstream("{\"type\":\"response.output_audio.delta\",\"item_id\":\"i\",\"delta\":\"***\"}");
        gateway.fromUpstream("garbage");
        gateway.fromUpstream("{\"type\":\"rate_limits.updated\",\"rate_limits\":[]}"); // unknown: not an error
        gateway.fromTwilio(media(3));

        assertEquals(3, appends(), "every good caller frame went upstream");
        assertEquals(1 + 3 + 2, session.metrics().badFrames(), "1 before start, 3 from Twilio, 2 from upstream");
        assertEquals(3, session.metrics().framesIn());

        gateway.fromTwilio("{\"event\":\"stop\",\"streamSid\":\"MZ1\"}");
        gateway.fromTwilio(media(4));
        assertEquals(3, appends(), "nothing flows after stop");
        assertEquals(3, sinks.written.size(), "every good frame was recorded (the IVR gave consent)");
        assertEquals(7, session.metrics().badFrames());
        SessionRecord.Event ended = sinks.events(SessionEventType.SESSION_ENDED).get(0);
        assertEquals(6, new ObjectMapper().readTree(ended.payloadJson()).path("metrics").path("badFrames").asLong());
        assertTrue(upstream.get(0).contains("\"create_response\":false"), "the gateway owns turn-taking");
    }
}
