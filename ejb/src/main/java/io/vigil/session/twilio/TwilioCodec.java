package io.vigil.session.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.session.audio.AudioFormatException;
import io.vigil.session.audio.Base64Audio;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Twilio Media Streams messages and writes the outbound ones. {@link #decode} never throws: a bad frame gives
 * {@link Decoded.Rejected} with a reason the gateway logs and counts (Twilio has no error message to answer with).
 * Thread-safe.
 */
public final class TwilioCodec {

    /** Largest frame accepted: Twilio sends 20 ms media frames of about 250 characters; 64 KiB is generous. */
    public static final int DEFAULT_MAX_FRAME_CHARS = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final int maxFrameChars;

    /** The outcome of reading one frame. */
    public sealed interface Decoded {
        record Accepted(TwilioMessage message) implements Decoded {
        }

        record Rejected(String reason) implements Decoded {
        }
    }

    public TwilioCodec() {
        this(DEFAULT_MAX_FRAME_CHARS);
    }

    public TwilioCodec(int maxFrameChars) {
        this.maxFrameChars = maxFrameChars;
    }

    public String encode(TwilioMessage outbound) {
        if (outbound instanceof TwilioMessage.Media media && plain(media.streamSid())) {
            // the frame sent fifty times a second per call while the agent speaks: written directly, same JSON
            String payload = Base64Audio.encode(media.payload());
            return new StringBuilder(56 + media.streamSid().length() + payload.length())
                    .append("{\"event\":\"media\",\"streamSid\":\"").append(media.streamSid())
                    .append("\",\"media\":{\"payload\":\"").append(payload).append("\"}}").toString();
        }
        try {
            return MAPPER.writeValueAsString(TwilioMessage.outboundJson(outbound));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + outbound.event(), e);
        }
    }

    public Decoded decode(String frame) {
        if (frame == null || frame.isEmpty()) {
            return new Decoded.Rejected("empty frame");
        }
        if (frame.length() > maxFrameChars) {
            return new Decoded.Rejected("frame of " + frame.length() + " characters exceeds the " + maxFrameChars
                    + "-character limit");
        }
        TwilioMessage.Media media = MediaFrameReader.read(frame);
        if (media != null) {
            return new Decoded.Accepted(media);
        }
        return decodeTree(frame);
    }

    /** The full parser, which judges every frame the media fast path leaves to it. */
    Decoded decodeTree(String frame) {
        JsonNode n;
        try {
            n = MAPPER.readTree(frame);
        } catch (JsonProcessingException e) {
            return new Decoded.Rejected("frame is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (n == null || !n.isObject() || !n.path("event").isTextual()) {
            return new Decoded.Rejected("frame must be a JSON object with an 'event'");
        }
        String event = n.get("event").textValue();
        try {
            return new Decoded.Accepted(parse(event, n, frame));
        } catch (IllegalArgumentException e) {
            return new Decoded.Rejected(event + ": " + e.getMessage());
        }
    }

    /** A string JSON writes as it is: printable ASCII without quotes or backslashes. */
    private static boolean plain(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static TwilioMessage parse(String event, JsonNode n, String raw) {
        String sid = n.path("streamSid").asText(null);
        long seq = number(n, "sequenceNumber");
        switch (event) {
            case "connected":
                return new TwilioMessage.Connected(n.path("protocol").asText(""), n.path("version").asText(""));
            case "start":
                JsonNode s = object(n, "start");
                JsonNode format = s.path("mediaFormat");
                List<String> tracks = new ArrayList<>();
                s.path("tracks").forEach(t -> tracks.add(t.asText()));
                Map<String, String> params = new LinkedHashMap<>();
                s.path("customParameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()
                        .asText()));
                String streamSid = s.path("streamSid").asText(sid);
                if (streamSid == null) {
                    throw new IllegalArgumentException("'start.streamSid' is required");
                }
                return new TwilioMessage.Start(streamSid, seq, s.path("accountSid").asText(null),
                        s.path("callSid").asText(null), tracks, params, format.path("encoding").asText("audio/x-mulaw"),
                        format.path("sampleRate").asInt(8000), format.path("channels").asInt(1));
            case "media":
                JsonNode m = object(n, "media");
                if (!m.path("payload").isTextual()) {
                    throw new IllegalArgumentException("'media.payload' is required");
                }
                try {
                    return new TwilioMessage.Media(sid, seq, m.path("track").asText("inbound"), number(m, "chunk"),
                            number(m, "timestamp"), Base64Audio.decode(m.get("payload").textValue()));
                } catch (AudioFormatException e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
            case "dtmf":
                JsonNode d = object(n, "dtmf");
                return new TwilioMessage.Dtmf(sid, seq, d.path("track").asText(null), d.path("digit").asText(""));
            case "mark":
                return new TwilioMessage.Mark(sid, seq, object(n, "mark").path("name").asText(""));
            case "stop":
                JsonNode st = n.path("stop");
                return new TwilioMessage.Stop(sid, seq, st.path("accountSid").asText(null),
                        st.path("callSid").asText(null));
            case "clear":
                return new TwilioMessage.Clear(sid);
            default:
                return new TwilioMessage.Unknown(event, raw);
        }
    }

    private static JsonNode object(JsonNode n, String field) {
        JsonNode o = n.get(field);
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("'" + field + "' object is required");
        }
        return o;
    }

    /** Twilio sends numbers as strings ("3"); accept either, -1 when absent. */
    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return -1;
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        try {
            return Long.parseLong(v.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + field + "' must be a number, got '" + v.asText() + "'");
        }
    }
}
