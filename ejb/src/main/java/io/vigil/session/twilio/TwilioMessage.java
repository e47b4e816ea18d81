package io.vigil.session.twilio;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.session.audio.Base64Audio;
import java.util.List;
import java.util.Map;

/**
 * Twilio Media Streams messages (bidirectional {@code <Connect><Stream>}), one JSON object per WebSocket text message,
 * discriminated by {@code event}.
 *
 * <p>In from Twilio: {@code connected} ({@code protocol}, {@code version}); {@code start} ({@code start.streamSid},
 * {@code callSid}, {@code accountSid}, {@code tracks}, {@code customParameters}, {@code mediaFormat} =
 * {@code audio/x-mulaw}, 8000 Hz, 1 channel); {@code media} ({@code media.track}, {@code chunk}, {@code timestamp} in
 * ms since the stream began, {@code payload} = base64 mu-law); {@code dtmf} ({@code dtmf.digit}); {@code mark}
 * ({@code mark.name}, echoed when the audio sent before it has been played, or at once after a {@code clear}); and
 * {@code stop}. Twilio writes {@code sequenceNumber}, {@code chunk} and {@code timestamp} as strings of digits.
 *
 * <p>Out to Twilio: {@link Media}, {@link Mark} and {@link Clear} (drop all buffered audio).
 */
public sealed interface TwilioMessage {

    String event();

    /** {@code connected}: the first message of every stream. */
    record Connected(String protocol, String version) implements TwilioMessage {
        public String event() { return "connected"; }
    }

    /** {@code start}: names the call; {@code customParameters} come from the TwiML {@code <Parameter>} elements. */
    record Start(String streamSid, long sequenceNumber, String accountSid, String callSid, List<String> tracks,
                 Map<String, String> customParameters, String encoding, int sampleRate, int channels)
            implements TwilioMessage {
        public Start {
            tracks = List.copyOf(tracks);
            customParameters = Map.copyOf(customParameters);
        }
        public String event() { return "start"; }
    }

    /**
     * {@code media}: caller audio in, or (built by Vigil) agent audio out; {@code payload} is raw mu-law bytes.
     * Outbound messages carry only {@code streamSid} and the payload, so the other fields are then null or -1.
     */
    record Media(String streamSid, long sequenceNumber, String track, long chunk, long timestampMs, byte[] payload)
            implements TwilioMessage {
        public String event() { return "media"; }

        public static Media outbound(String streamSid, byte[] mulaw) {
            return new Media(streamSid, -1, null, -1, -1, mulaw);
        }
    }

    /** {@code dtmf}: a key the caller pressed. */
    record Dtmf(String streamSid, long sequenceNumber, String track, String digit) implements TwilioMessage {
        public String event() { return "dtmf"; }
    }

    /** {@code mark}: sent by Vigil after audio; echoed by Twilio once that audio has played. */
    record Mark(String streamSid, long sequenceNumber, String name) implements TwilioMessage {
        public String event() { return "mark"; }
    }

    /** {@code clear}: Vigil tells Twilio to drop buffered audio (a barge-in); pending marks are echoed at once. */
    record Clear(String streamSid) implements TwilioMessage {
        public String event() { return "clear"; }
    }

    /** {@code stop}: the stream ended (the caller hung up or the call was redirected). */
    record Stop(String streamSid, long sequenceNumber, String accountSid, String callSid) implements TwilioMessage {
        public String event() { return "stop"; }
    }

    /** Any other event Twilio may add; ignored by the gateway but not an error. */
    record Unknown(String event, String raw) implements TwilioMessage {
    }

    /** The JSON Twilio expects for the three outbound messages. */
    static ObjectNode outboundJson(TwilioMessage m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("event", m.event());
        if (m instanceof Media media) {
            o.put("streamSid", media.streamSid());
            o.putObject("media").put("payload", Base64Audio.encode(media.payload()));
        } else if (m instanceof Mark mark) {
            o.put("streamSid", mark.streamSid());
            o.putObject("mark").put("name", mark.name());
        } else if (m instanceof Clear clear) {
            o.put("streamSid", clear.streamSid());
        } else {
            throw new IllegalArgumentException(m.event() + " is sent by Twilio, not to it");
        }
        return o;
    }
}
